namespace Orleans.Fin.Accounts;

/// <summary>Persisted state of a sealed segment of an account's ledger.</summary>
public sealed class LedgerSegmentState
{
    public int SchemaVersion { get; set; } = 1;
    public List<EntryRecord> Entries { get; set; } = [];
}
