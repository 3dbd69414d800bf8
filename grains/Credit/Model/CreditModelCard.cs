using Orleans.Fin.Credit.Domain;

namespace Orleans.Fin.Credit.Model;

/// <summary>
/// Everything about a trained model except the ML.NET transformer itself: identity, role, validation metrics, the
/// imputation medians, the feature-vector slots and, for logistic regression, the coefficients and the mean
/// normalised training vector the reason codes are measured against (empty for trees). Shipped as JSON beside the
/// model's zip.
/// </summary>
public sealed record CreditModelCard(
    string Version,
    CreditModelKind Kind,
    CreditModelRole Role,
    CreditModelMetrics Metrics,
    CreditImputation Imputation,
    IReadOnlyList<string> SlotNames,
    IReadOnlyList<float> Coefficients,
    IReadOnlyList<float> Reference);
