using Orleans.Fin.Payments;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// The event being scored, whichever way it came: a payment candidate (inline) or an activity from the stream.
/// <see cref="Key"/> identifies it in the profile so that its own traces are not taken as history.
/// </summary>
internal readonly record struct RiskEvent(
    string Key,
    ActivityKind Kind,
    DateTimeOffset At,
    decimal AmountCny,
    string? PayeeAccountId,
    string? DeviceId,
    bool DeviceBound,
    string? Country,
    string? City,
    bool Declined,
    DateTimeOffset? DeviceBoundAt = null,
    bool ToMerchant = false)
{
    /// <summary>The events <see cref="Key"/> names, by digest (computed once: windows compare it with every record).</summary>
    public EventMatch Match { get; } = EventMatch.Of(Key);

    public bool IsOutgoing => Kind is ActivityKind.PaymentOut or ActivityKind.Withdrawal;

    public static RiskEvent From(PaymentCandidate candidate) => new(
        candidate.MovementId, ActivityKind.PaymentOut, candidate.At, RiskCurrency.ToCny(candidate.Amount, candidate.Currency),
        candidate.ToAccountId, candidate.DeviceId, candidate.DeviceBound, candidate.Country, candidate.City, Declined: false,
        candidate.DeviceBoundAt, candidate.MerchantCategory is not null);

    /// <summary>An activity from the stream. Events do not say whether the device was bound: it is taken as bound.</summary>
    public static RiskEvent From(CustomerActivity activity) => new(
        activity.EventId, activity.Kind, activity.At, RiskCurrency.ToCny(activity.Amount ?? 0m, activity.Currency),
        activity.Kind == ActivityKind.PaymentOut ? activity.CounterpartyAccountId : null, activity.DeviceId, DeviceBound: true,
        activity.Country, activity.City, string.Equals(activity.Status, BehaviourTracker.DeclinedStatus, StringComparison.OrdinalIgnoreCase),
        ToMerchant: activity.MerchantCategory is not null);
}
