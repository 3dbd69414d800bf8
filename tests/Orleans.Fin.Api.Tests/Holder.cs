namespace Orleans.Fin.Api.Tests;

/// <summary>A customer, its token and one of its accounts.</summary>
internal sealed record Holder(string CustomerId, string Token, string AccountId);
