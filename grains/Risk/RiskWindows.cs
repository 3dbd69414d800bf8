using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>
/// The cold part of a risk state written in parts, as held while the grain is active: each window as it was stored in the
/// part (<see cref="WindowSnapshot{T}"/>) and the part's id. It turns the state the grain works with into the state
/// written (runs and the records not in the part) and back. No I/O: the grain stores both.
/// </summary>
public sealed class RiskWindows
{
    private readonly WindowSnapshot<PaymentRecord> _payments;
    private readonly WindowSnapshot<InflowRecord> _inflows;
    private readonly WindowSnapshot<PayeeRecord> _payees;
    private readonly WindowSnapshot<DecisionRecord> _decisions;
    private readonly WindowSnapshot<ulong> _digests;

    private RiskWindows(
        string id, IEnumerable<PaymentRecord> payments, IEnumerable<InflowRecord> inflows, IEnumerable<PayeeRecord> payees,
        IEnumerable<DecisionRecord> decisions, IEnumerable<ulong> digests)
    {
        Id = id;
        _payments = new(payments, WindowRecordComparers.Payments, static r => r);
        _inflows = new(inflows, WindowRecordComparers.Inflows, static r => r);
        _payees = new(payees, WindowRecordComparers.Payees, static r => r.Copy());
        _decisions = new(decisions, WindowRecordComparers.Decisions, static r => r);
        _digests = new(digests, WindowRecordComparers.Digests, static r => r);
    }

    public string Id { get; }

    /// <summary>The records of the windows a state holds, which decide whether it is written in parts.</summary>
    public static int Records(RiskState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var profile = state.Profile;
        return profile.Payments.Count + profile.Inflows.Count + profile.Payees.Count + state.Decisions.Count + profile.SeenEventDigests.Count;
    }

    /// <summary>A new cold part, under a new id, holding the windows of <paramref name="state"/> as they are.</summary>
    public static RiskWindows Take(RiskState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var profile = state.Profile;
        return new(Guid.NewGuid().ToString("N"), profile.Payments, profile.Inflows, profile.Payees, state.Decisions, profile.SeenEventDigests);
    }

    /// <summary>The cold part a stored state refers to, as read from its row.</summary>
    public static RiskWindows Read(RiskWindowsState stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(stored.Id, stored.Payments, stored.Inflows, stored.Payees, stored.Decisions, stored.SeenEventDigests);
    }

    /// <summary>This part as stored in its row.</summary>
    public RiskWindowsState ToStored() => new()
    {
        Id = Id,
        Payments = [.. _payments.Records],
        Inflows = [.. _inflows.Records],
        Payees = [.. _payees.Records],
        Decisions = [.. _decisions.Records],
        SeenEventDigests = [.. _digests.Records],
    };

    /// <summary>
    /// The state to store for <paramref name="state"/>: the same members, its windows as runs of this part and the records
    /// not in it; with how many records it holds inline, its runs, and how many of this part's records it no longer uses.
    /// </summary>
    public (RiskState Stored, int Inline, int Runs, int Stale) Written(RiskState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var taken = 0;
        var profile = state.Profile.ShallowCopy();
        profile.Payments = Splice(_payments, state.Profile.Payments, out var paymentRuns, ref taken);
        profile.Inflows = Splice(_inflows, state.Profile.Inflows, out var inflowRuns, ref taken);
        profile.Payees = Splice(_payees, state.Profile.Payees, out var payeeRuns, ref taken);
        profile.SeenEventDigests = Splice(_digests, state.Profile.SeenEventDigests, out var digestRuns, ref taken);
        var stored = state.ShallowCopy();
        stored.Profile = profile;
        stored.Decisions = Splice(_decisions, state.Decisions, out var decisionRuns, ref taken);
        stored.Parts = new RiskWindowParts
        {
            Id = Id, Payments = paymentRuns, Inflows = inflowRuns, Payees = payeeRuns, Decisions = decisionRuns, SeenEventDigests = digestRuns,
        };

        var inline = Records(stored);
        var runs = (paymentRuns.Count + inflowRuns.Count + payeeRuns.Count + digestRuns.Count + decisionRuns.Count) / 3;
        var held = _payments.Count + _inflows.Count + _payees.Count + _digests.Count + _decisions.Count;
        return (stored, inline, runs, Math.Max(0, held - taken)); // a record the windows hold twice is taken twice
    }

    /// <summary>The records of <paramref name="current"/> not in <paramref name="part"/>; its runs, and how many of the part's it takes.</summary>
    private static List<T> Splice<T>(WindowSnapshot<T> part, List<T> current, out List<int> runs, ref int taken)
    {
        List<T> inline = [];
        (runs, var used) = part.Splice(current, inline);
        taken += used;
        return inline;
    }

    /// <summary>
    /// Joins a state read in parts with this part (the one it refers to): its windows become whole again and its
    /// <see cref="RiskState.Parts"/> is cleared.
    /// </summary>
    /// <exception cref="FormatException">The state refers to another part, or its runs do not fit this one.</exception>
    public void Join(RiskState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var parts = state.Parts ?? throw new ArgumentException("The state is not written in parts.", nameof(state));
        if (!string.Equals(parts.Id, Id, StringComparison.Ordinal))
        {
            throw new FormatException($"The risk state refers to cold part {parts.Id}, not {Id}.");
        }

        var profile = state.Profile;
        var payments = _payments.Join(profile.Payments, parts.Payments);
        var inflows = _inflows.Join(profile.Inflows, parts.Inflows);
        var payees = _payees.Join(profile.Payees, parts.Payees);
        var digests = _digests.Join(profile.SeenEventDigests, parts.SeenEventDigests);
        var decisions = _decisions.Join(state.Decisions, parts.Decisions);
        profile.Payments = payments;
        profile.Inflows = inflows;
        profile.Payees = payees;
        profile.SeenEventDigests = digests;
        state.Decisions = decisions;
        state.Parts = null;
    }
}
