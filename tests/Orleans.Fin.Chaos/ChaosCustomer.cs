namespace Orleans.Fin.Chaos;

/// <summary>A customer of the run: its token, its bound device and its funded accounts.</summary>
public sealed record ChaosCustomer(string Id, string Token, string Device, IReadOnlyList<ChaosAccount> Accounts);
