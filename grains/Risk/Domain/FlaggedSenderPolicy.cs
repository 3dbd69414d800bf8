using Orleans.Fin.Customers;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// Whether a customer counts as a flagged sender for the mule-account watch (several flagged senders paying one account
/// make it a suspected mule). An open case or a High standing always counts. A Medium standing counts unless all of it
/// comes from the customer's own payments, answered with the one-time code sent to the bound phone: a wedding guest whose
/// large gift the model scores Medium, and who answers the code, is not evidence against the couple. A Medium finding
/// of any other kind (a login, a binding, a ring signal, money received), a payment whose code is failed or not (yet)
/// answered, or a finding while the standing already counted keeps the standing counting.
/// </summary>
public static class FlaggedSenderPolicy
{
    private static readonly ExplainedStanding Nothing = new();

    /// <summary>
    /// Does the customer count? <paramref name="standing"/> and <paramref name="explained"/> (the score of
    /// <see cref="ExplainedStanding"/>) are both faded to now; <paramref name="awaitingCode"/> says a finding on a payment
    /// still waits for its code.
    /// </summary>
    public static bool Counts(bool openCase, RiskLevel level, int standing, int explained, bool awaitingCode) =>
        openCase || level switch
        {
            RiskLevel.High => true,
            RiskLevel.Medium => standing > explained || awaitingCode,
            _ => false,
        };

    /// <summary>
    /// After the pre-authorisation of payment <paramref name="paymentId"/> found <paramref name="level"/>;
    /// <paramref name="countedBefore"/> is <see cref="Counts"/> just before it.
    /// </summary>
    public static ExplainedStanding AfterAttempt(ExplainedStanding state, RiskLevel level, string paymentId, bool countedBefore) =>
        level switch
        {
            RiskLevel.Low => state,
            RiskLevel.High => Nothing,
            _ when paymentId == state.AwaitingCode => state, // the same payment, repeated with its code
            _ when state.AwaitingCode == ExplainedStanding.NextCode => state with { AwaitingCode = paymentId },
            _ => countedBefore ? Nothing : state with { AwaitingCode = paymentId },
        };

    /// <summary>
    /// After the event of the customer's own payment <paramref name="paymentId"/>, once made, was scored
    /// <paramref name="level"/> and the standing stored as <paramref name="standing"/> at <paramref name="scoredAt"/>.
    /// A finding on a payment whose code was passed stays explained; on any other, the next code asked for (the finding
    /// steps payments up) has to be answered first.
    /// </summary>
    public static ExplainedStanding AfterPaymentMade(
        ExplainedStanding state, RiskLevel level, string paymentId, bool countedBefore, int standing, DateTimeOffset? scoredAt) =>
        level switch
        {
            RiskLevel.Low => state,
            RiskLevel.High => Nothing,
            _ when countedBefore => state,
            _ when paymentId == state.ConfirmedPayment => state with { Score = standing, ScoredAt = scoredAt },
            _ => state with { AwaitingCode = ExplainedStanding.NextCode },
        };

    /// <summary>After a finding that is not about the customer's own payment: a login, a device binding, a ring signal, money received.</summary>
    public static ExplainedStanding AfterOtherFinding(ExplainedStanding state, RiskLevel level) => level == RiskLevel.Low ? state : Nothing;

    /// <summary>The customer passed the code for <paramref name="paymentId"/>, the standing being stored as <paramref name="standing"/> at <paramref name="scoredAt"/>.</summary>
    public static ExplainedStanding AfterCodePassed(ExplainedStanding state, string paymentId, int standing, DateTimeOffset? scoredAt) =>
        paymentId == state.AwaitingCode || state.AwaitingCode == ExplainedStanding.NextCode
            ? new ExplainedStanding { Score = standing, ScoredAt = scoredAt, ConfirmedPayment = paymentId }
            : state.AwaitingCode is null ? state with { ConfirmedPayment = paymentId } : state;

    /// <summary>Wrong codes to the limit, too many codes, or a locked step-up: nothing the customer confirmed explains the standing any more.</summary>
    public static ExplainedStanding AfterCodeFailed() => Nothing;
}
