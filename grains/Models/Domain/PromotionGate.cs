namespace Orleans.Fin.Models.Domain;

/// <summary>
/// Refuses to promote a version that is worse than the champion on the same labelled outcomes. The comparison is by
/// AUC on the labelled traffic both scored when there are at least <see cref="MinimumLabelled"/> outcomes of both
/// classes; otherwise by the validation AUC each was registered with. Worse means lower by more than
/// <see cref="Tolerance"/>. A refusal can be overridden only with a note, and the override is recorded.
/// </summary>
public static class PromotionGate
{
    public const int MinimumLabelled = 20;
    public const double Tolerance = 0.005;
    public const string LabelledBasis = "labelled-traffic";
    public const string ValidationBasis = "validation";

    public static GateDecision Judge(GateEvidence evidence, bool @override, string note)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var labelled = evidence.LabelledCount >= MinimumLabelled && evidence.CandidateLabelledAuc is not null && evidence.ChampionLabelledAuc is not null;
        var (basis, candidate, champion) = labelled
            ? (LabelledBasis, evidence.CandidateLabelledAuc, evidence.ChampionLabelledAuc)
            : (ValidationBasis, evidence.CandidateValidationAuc, evidence.ChampionValidationAuc);
        var worse = candidate is { } c && champion is { } k && c < k - Tolerance;
        var detail = worse
            ? $"AUC {candidate:0.0000} is below the champion's {champion:0.0000} on {Describe(basis, evidence.LabelledCount)}."
            : $"AUC {Show(candidate)} against the champion's {Show(champion)} on {Describe(basis, evidence.LabelledCount)}.";
        var overridden = worse && @override && !string.IsNullOrWhiteSpace(note);
        return new GateDecision(!worse || overridden, overridden, basis, candidate, champion, evidence.LabelledCount, detail);
    }

    private static string Describe(string basis, long count) =>
        basis == LabelledBasis ? $"{count} labelled outcomes" : $"validation data ({count} labelled outcomes, fewer than {MinimumLabelled} or one class only)";

    private static string Show(double? auc) => auc is { } a ? a.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
}

/// <summary>What the gate compares: AUCs of candidate and champion on the labelled outcomes, and on their validation data.</summary>
public sealed record GateEvidence(long LabelledCount, double? CandidateLabelledAuc, double? ChampionLabelledAuc, double? CandidateValidationAuc, double? ChampionValidationAuc);

/// <summary>The gate's verdict: passed (or overridden), on which basis, the two figures compared and why.</summary>
public sealed record GateDecision(bool Passed, bool Overridden, string Basis, double? Candidate, double? Champion, long LabelledCount, string Detail);
