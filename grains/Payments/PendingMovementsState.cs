namespace Orleans.Fin.Payments;

/// <summary>Persisted state of one pending-movements shard: movement id → when its plan was made.</summary>
public sealed class PendingMovementsState
{
    public int SchemaVersion { get; set; } = 1;
    public Dictionary<string, DateTimeOffset> Entries { get; set; } = new(StringComparer.Ordinal);
}
