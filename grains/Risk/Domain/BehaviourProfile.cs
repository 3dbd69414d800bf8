using Orleans.Fin.Common;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// A customer's behaviour as the risk engine remembers it: sliding windows of recent events, known devices, payees
/// and places, amount history, and the ids of events already seen (so a redelivered event is not counted twice).
/// Persisted inside the risk grain's state as JSON: public settable members with defaults, bounded in size
/// (see <see cref="BehaviourLimits"/>). Only <see cref="BehaviourTracker.Observe"/> changes it.
/// </summary>
public sealed class BehaviourProfile
{
    public int SchemaVersion { get; set; } = 1;

    /// <summary>
    /// Digests (<see cref="EventDigest"/>) of the ids of the most recent events observed, oldest first (at most
    /// <see cref="BehaviourLimits.MaxEventIds"/>).
    /// </summary>
    public List<ulong> SeenEventDigests { get; set => field = ListRoom.Fit(value); } = [];

    /// <summary>
    /// The ids themselves, as profiles stored them before <see cref="SeenEventDigests"/>: read from an older payload they
    /// are folded into the digests (ahead of any already there, being older); always written empty, so a node still on
    /// the older version reads an empty list rather than a missing one.
    /// </summary>
    public List<string> SeenEventIds
    {
        get => [];
        set
        {
            if (value is { Count: > 0 })
            {
                SeenEventDigests.InsertRange(0, value.Select(EventDigest.Of));
                ListRoom.Fit(SeenEventDigests);
            }
        }
    }

    /// <summary>When the first event of this customer was observed.</summary>
    public DateTimeOffset? FirstEventAt { get; set; }

    /// <summary>The latest event time observed; windows are cut relative to it.</summary>
    public DateTimeOffset? LastEventAt { get; set; }

    /// <summary>Outgoing payments and withdrawals (completed and declined), oldest first, last 24 hours.</summary>
    public List<PaymentRecord> Payments { get; set => field = ListRoom.Fit(PaymentRecord.Share(value)); } = [];

    /// <summary>Logins, oldest first, last 24 hours.</summary>
    public List<LoginRecord> Logins { get; set => field = ListRoom.Fit(value); } = [];

    /// <summary>Money coming in (deposits and incoming payments), oldest first, last 24 hours.</summary>
    public List<InflowRecord> Inflows { get; set => field = ListRoom.Fit(value); } = [];

    /// <summary>Devices seen on logins and payments, least recently used evicted first.</summary>
    public List<DeviceRecord> Devices { get; set => field = ListRoom.Fit(value); } = [];

    /// <summary>Accounts paid with a completed payment, least recently used evicted first.</summary>
    public List<PayeeRecord> Payees { get; set => field = ListRoom.Fit(value); } = [];

    /// <summary>Cities the customer was seen in, least recently used evicted first.</summary>
    public List<PlaceRecord> Places { get; set => field = ListRoom.Fit(value); } = [];

    /// <summary>Running statistics of completed outgoing amounts (CNY-equivalent, log scale).</summary>
    public AmountHistory Amounts { get; set; } = new();

    /// <summary>
    /// Completed outgoing payments per hour of day (China Standard Time), 24 counters once the first payment is seen,
    /// halved when they grow large. Starts empty: JSON readers that add to an existing list must not double it.
    /// </summary>
    public List<int> PaymentHours { get; set => field = ListRoom.Fit(value); } = [];

    /// <summary>A copy sharing every member, for a stored form that replaces some of them.</summary>
    internal BehaviourProfile ShallowCopy() => (BehaviourProfile)MemberwiseClone();
}
