using System.Text.Json.Serialization;
using Orleans.Fin.Common;

namespace Orleans.Fin.Accounts;

/// <summary>Persisted state of an account grain (JSON; new members need defaults).</summary>
public sealed class AccountState : IJsonOnDeserialized
{
    /// <summary>See <see cref="Domain.AccountSchema"/>.</summary>
    public int SchemaVersion { get; set; } = Domain.AccountSchema.Current;
    public bool Opened { get; set; }
    public string CustomerId { get; set; } = "";
    public string Currency { get; set; } = "";
    public AccountKind Kind { get; set; }
    public decimal Balance { get; set; }
    public AccountStatus Status { get; set; }
    public string? FreezeReason { get; set; }
    public DateTimeOffset? FrozenAt { get; set; }
    public string? FrozenBy { get; set; }
    public string? FreezeCaseId { get; set; }
    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>Sequence number the next entry gets; entries are numbered 1, 2, 3, … without gaps.</summary>
    public long NextSequence { get; set; } = 1;

    /// <summary>How many full segments of older entries live in ledger segment grains.</summary>
    public int SealedSegments { get; set; }

    /// <summary>The newest entries, contiguous by sequence, oldest first; read back without spare room (<see cref="ListRoom"/>).</summary>
    public List<EntryRecord> Recent { get; set; } = [];

    /// <summary>Legs posted here whose movement has not yet recorded its outcome, by transfer id.</summary>
    public Dictionary<string, InFlightLeg> InFlight { get; set; } = [];

    /// <summary>
    /// Legs whose movement recorded its outcome, kept to recognise a late duplicate, in batches by when they settled,
    /// oldest first; only their transfer ids are kept. Only the newest few stay here, written with every posting: the
    /// rest move to the account's <see cref="SettledLegsState"/> (<see cref="Domain.LegRetention.Archive"/>).
    /// </summary>
    public List<SettledLegs> Settled { get; set; } = [];

    public DateOnly SpendingDay { get; set; }
    public decimal SpentToday { get; set; }
    public List<StatusChange> History { get; set; } = [];

    /// <summary>
    /// Whether settled legs ever moved to the account's archive (<see cref="Domain.LegRetention.Archive"/>); the archive is
    /// read when the account activates only then, or when the state is older than the flag
    /// (<see cref="Domain.LegRetention.MayHaveArchive"/>). Not written while false, as states before it were.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Archived { get; set; }

    /// <summary>Read back, the entry and settled-leg lists keep no spare room (<see cref="ListRoom"/>).</summary>
    void IJsonOnDeserialized.OnDeserialized()
    {
        ListRoom.Fit(Recent);
        ListRoom.Fit(Settled);
    }

    /// <summary>
    /// A copy to build the next state on, so that the committed state changes only once its write succeeded. Entries and
    /// settled legs are values, status changes are never changed once recorded and are shared; the legs in flight are copied.
    /// The entry and settled-leg lists get room for one more each (a change adds at most one of each), so the state
    /// that is kept once the write succeeds holds no spare room that doubling would leave.
    /// </summary>
    public AccountState Copy()
    {
        var copy = (AccountState)MemberwiseClone();
        copy.Recent = ListRoom.WithRoomForOne(Recent);
        copy.History = [.. History];
        copy.Settled = ListRoom.WithRoomForOne(Settled);
        copy.InFlight = InFlight.ToDictionary(l => l.Key, l => l.Value.Copy(), StringComparer.Ordinal);
        return copy;
    }
}

public sealed class InFlightLeg
{
    public decimal Amount { get; set; }
    public DateTimeOffset PostedAt { get; set; }
    public bool CountedTowardsLimit { get; set; }
    public DateOnly Day { get; set; }
    public bool Reversed { get; set; }

    /// <summary>Schema 1 only: settled legs stayed here; reading such a state moves them to <see cref="AccountState.Settled"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Settled { get; set; }

    /// <summary>Schema 1 only, with <see cref="Settled"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public DateTimeOffset? SettledAt { get; set; }

    public InFlightLeg Copy() => (InFlightLeg)MemberwiseClone();
}

public sealed class StatusChange
{
    public DateTimeOffset At { get; set; }
    public AccountStatus From { get; set; }
    public AccountStatus To { get; set; }
    public string Reason { get; set; } = "";
    public string By { get; set; } = "";
    public string? CaseId { get; set; }
}
