namespace Orleans.Fin.Models;

/// <summary>
/// The outcome of a promotion call: <c>PendingApproval</c> after the first (maker) call, <c>Promoted</c> after a second
/// call by another subject (checker). The gate's comparison is reported either way.
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.PromotionResult")]
public sealed record PromotionResult(string Status, string Version, string? RequestedBy, string? ApprovedBy, PromotionGateView Gate);

/// <summary>
/// The promotion gate's comparison of a candidate with the champion on the same labelled outcomes
/// (<paramref name="Basis"/> says which: labelled traffic or, without enough of it, validation metrics).
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.PromotionGateView")]
public sealed record PromotionGateView(
    bool Passed,
    bool Overridden,
    string Basis,
    string Metric,
    double? Candidate,
    double? Champion,
    long LabelledCount,
    string Detail);
