using Orleans.Concurrency;

namespace Orleans.Fin.Risk;

/// <summary>
/// One customer's risk: behaviour profile and sliding windows, score, level, flags, watch list, open case and pending
/// one-time codes. Keyed by customer id. It consumes the customer's activity stream (implicit subscription) and answers
/// the inline pre-authorisation of the customer's payments.
/// </summary>
[Alias("fin.IRiskGrain")]
public interface IRiskGrain : IGrainWithStringKey
{
    /// <summary>Scores a payment before money moves; may freeze the customer (high risk) or ask for a one-time code.</summary>
    [Alias("AssessPayment")]
    Task<PaymentAssessment> AssessPayment(PaymentCheck check);

    [Alias("GetProfile")]
    Task<RiskProfileView> GetProfile();

    /// <summary>A fraud-ring indicator from outside the customer's own activity. One-way: senders never wait on a risk grain.</summary>
    [OneWay]
    [Alias("RaiseSignal")]
    Task RaiseSignal(RingSignal signal);

    /// <summary>
    /// The customer's profile changed (a device was bound): forget the copy kept for scoring payments. One-way, so the
    /// customer grain never waits on the risk grain, which itself reads the customer.
    /// </summary>
    [OneWay]
    [Alias("CustomerChanged")]
    Task CustomerChanged();

    /// <summary>A risk officer refers the customer for investigation: opens a case and, when asked, freezes every account.</summary>
    /// <summary>
    /// The customer bound a device: a risk event. A binding right after a login from a new device in a new place raises
    /// the risk, and the device's payments get an unbound device's scrutiny for a while. Also forgets the kept profile
    /// copy. One-way, so the customer grain never waits on the risk grain.
    /// </summary>
    [OneWay]
    [Alias("DeviceBound")]
    Task DeviceBound(string deviceId, DateTimeOffset at);

    [Alias("Refer")]
    Task<CaseView> Refer(string reason, string by, bool freeze);

    /// <summary>The case this grain opened was resolved; a false positive lowers the score.</summary>
    [Alias("CaseResolved")]
    Task CaseResolved(string caseId, CaseOutcome outcome, string by);

    /// <summary>
    /// Appends to the customer's append-only audit trail (decisions, freezes, unfreezes, case actions). The trail lives
    /// with the risk state, so a decision and its record are written together; older runs are sealed into segments.
    /// </summary>
    [Alias("AppendAudit")]
    Task AppendAudit(IReadOnlyList<AuditRecord> records);

    /// <summary>Audit records newest first, below sequence <paramref name="before"/> when given.</summary>
    [Alias("GetAudit")]
    Task<AuditPage> GetAudit(long? before, int limit);
}
