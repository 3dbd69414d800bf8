using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>Persisted state of a payee watch. Version 1 kept plain lists of flagged senders; they move into <see cref="Flagged"/> on first use.</summary>
public sealed class PayeeWatchState
{
    public int SchemaVersion { get; set; } = 2;
    public string? OwnerCustomerId { get; set; }

    /// <summary>Flagged customers paying the account (a suspected mule).</summary>
    public RingWatchList Flagged { get; set; } = new();

    /// <summary>Customers whose risky payment attempts target the account (a suspected scam collector).</summary>
    public RingWatchList Risky { get; set; } = new();

    /// <summary>The signal kinds the owner was already given.</summary>
    public List<string> OwnerSignals { get; set; } = [];

    /// <summary>Version 1 only.</summary>
    public List<string> FlaggedSenders { get; set; } = [];

    /// <summary>Version 1 only.</summary>
    public List<string> Signalled { get; set; } = [];

    /// <summary>Version 1 only.</summary>
    public bool OwnerSignalled { get; set; }

    public void Upgrade(DateTimeOffset at)
    {
        if (SchemaVersion >= 2)
        {
            return;
        }

        Flagged = RingWatchList.FromVersion1(FlaggedSenders, Signalled, OwnerSignalled, at);
        if (OwnerSignalled)
        {
            OwnerSignals.Add(nameof(RingSignalKind.MuleAccount));
        }

        FlaggedSenders = [];
        Signalled = [];
        SchemaVersion = 2;
    }
}
