namespace Orleans.Fin.Accounts;

/// <summary>Persisted state of one account registry shard.</summary>
public sealed class AccountRegistryState
{
    public int SchemaVersion { get; set; } = 1;
    public HashSet<string> AccountIds { get; set; } = new(StringComparer.Ordinal);
}
