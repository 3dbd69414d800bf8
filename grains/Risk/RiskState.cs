using System.Text.Json.Serialization;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Control;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>Persisted state of a customer's risk grain (JSON; new members need defaults; every list is bounded).</summary>
public sealed class RiskState
{
    public const int MaxSignals = 20;
    public const int MaxFlags = 20;
    public const int MaxReported = 50;
    public const int MaxChallenges = 20;
    public const int MaxBindings = 16;
    public const int MaxDecisions = 200;

    public int SchemaVersion { get; set; } = 1;

    /// <summary>The behaviour windows the scorer reads; only the behaviour tracker changes them.</summary>
    public BehaviourProfile Profile { get; set; } = new();

    /// <summary>The standing score (0–100) and when it was last set (it fades from then).</summary>
    public int Score { get; set; }

    public DateTimeOffset? ScoredAt { get; set; }

    public RiskLevel Level { get; set; }

    /// <summary>The level last written to the customer's profile.</summary>
    public RiskLevel PublishedLevel { get; set; }

    public List<string> Flags { get; set; } = [];

    /// <summary>Activity events taken in from the stream (redeliveries not counted).</summary>
    public long ObservedEvents { get; set; }

    public bool Watchlisted { get; set; }

    public List<SignalRecord> Signals { get; set; } = [];

    /// <summary>"{kind}:{source}" of ring signals already applied (each raises the score once).</summary>
    public List<string> AppliedSignals { get; set; } = [];

    public string? OpenCaseId { get; set; }

    /// <summary>Every payment needs a one-time code until then (after a medium-risk finding).</summary>
    public DateTimeOffset? StepUpUntil { get; set; }

    public DateTimeOffset? LastContactAt { get; set; }

    /// <summary>Devices already reported to the device index.</summary>
    public List<string> ReportedDevices { get; set; } = [];

    /// <summary>Accounts this customer paid recently (reported to their payee watch once the customer is flagged).</summary>
    public List<string> RecentPayees { get; set; } = [];

    /// <summary>Payee accounts already told that this flagged customer pays them.</summary>
    public List<string> ReportedPayees { get; set; } = [];

    public List<OtpChallenge> Challenges { get; set; } = [];

    /// <summary>What payments confirmed with a code explain of the standing (they do not make a flagged sender).</summary>
    public ExplainedStanding Explained { get; set => field = value == ExplainedStanding.None ? ExplainedStanding.None : value; } = ExplainedStanding.None;

    /// <summary>Payment decisions not yet labelled (by a case, or by staying unreported for the label window), oldest first.</summary>
    public List<DecisionRecord> Decisions { get; set => field = ListRoom.Fit(value); } = [];

    /// <summary>Devices bound while this grain was listening, newest last (a device bound earlier is simply bound).</summary>
    public List<DeviceBindingRecord> Bindings { get; set; } = [];

    public string ModelVersion { get; set; } = "";

    /// <summary>Sequence number of the newest audit record (1, 2, 3… without gaps).</summary>
    public long AuditCount { get; set; }

    /// <summary>
    /// Audit segments sealed whole, below the first unsealed record (<see cref="AuditSealing"/>). The records in the state
    /// run from <c>AuditCount - Audit.Count + 1</c>; a silo of a version before sealing in runs read them from
    /// <c>64 * SealedAuditSegments + 1</c>, which is the same number while runs are whole segments.
    /// </summary>
    public int SealedAuditSegments { get; set; }

    /// <summary>Audit records not yet sealed, oldest first.</summary>
    public List<StoredAudit> Audit { get; set => field = ListRoom.Fit(StoredAudit.Share(value)); } = [];

    /// <summary>
    /// Names the write that stored this state (new for each write): after a write that failed, the grain reads the stored
    /// one to tell a write that was stored and lost its answer from one that was not stored, and both from another writer's.
    /// </summary>
    public string WriteId { get; set; } = "";

    /// <summary>
    /// Stored only in a state written in parts (<see cref="WindowPartsPolicy"/>): the cold part its windows are runs of, its
    /// window lists then holding only the records not in it. Never set on the state a grain works with; absent (not
    /// written) in a state written whole, so that is stored as before.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RiskWindowParts? Parts { get; set; }

    /// <summary>A copy sharing every member, for a stored form that replaces some of them.</summary>
    internal RiskState ShallowCopy() => (RiskState)MemberwiseClone();
}

public sealed class SignalRecord
{
    public DateTimeOffset At { get; set; }
    public string Source { get; set; } = "";
    public string Description { get; set; } = "";
    public int Score { get; set; }
    public RiskLevel Level { get; set; }
}
