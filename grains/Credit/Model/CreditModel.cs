using Microsoft.ML;
using Orleans.Fin.Credit.Domain;

namespace Orleans.Fin.Credit.Model;

/// <summary>
/// A trained credit model: its card (version, role, cross-validated metrics, imputation medians, slots) and the
/// ML.NET transformer that turns <see cref="CreditApplicationFeatures"/> into a PD and a per-slot explanation.
/// Immutable; <see cref="CreditScorer"/> predicts with it.
/// </summary>
public sealed class CreditModel
{
    private readonly float[]? _weights;
    private readonly float[]? _reference;

    internal CreditModel(CreditModelCard card, MLContext context, ITransformer scoring)
    {
        Card = card;
        Context = context;
        Scoring = scoring;
        SlotReasons = card.SlotNames.Select(CreditReasonCodes.ForSlot).ToArray();
        if (card.Kind == CreditModelKind.LogisticRegression)
        {
            if (card.Coefficients.Count != card.SlotNames.Count || card.Reference.Count != card.SlotNames.Count)
            {
                throw new ArgumentException("A logistic regression card needs one coefficient and one reference value per slot.", nameof(card));
            }

            _weights = [.. card.Coefficients];
            _reference = [.. card.Reference];
        }
    }

    public CreditModelCard Card { get; }

    /// <summary>The version every decision records, e.g. "credit-lr-1".</summary>
    public string Version => Card.Version;

    public CreditModelKind Kind => Card.Kind;

    public CreditModelRole Role => Card.Role;

    public CreditModelMetrics Metrics => Card.Metrics;

    /// <summary>The medians that stand in for a missing income, assets or debt at decision time.</summary>
    public CreditImputation Imputation => Card.Imputation;

    /// <summary>The names of the feature-vector slots ("Income", "Home.rent", ...).</summary>
    public IReadOnlyList<string> SlotNames => Card.SlotNames;

    /// <summary>The reason code of each slot.</summary>
    public IReadOnlyList<string> SlotReasons { get; }

    /// <summary>
    /// For logistic regression, the coefficient of each slot of the normalised feature vector (the log-odds of
    /// default per standard deviation); empty for trees.
    /// </summary>
    public IReadOnlyList<float> Coefficients => Card.Coefficients;

    internal MLContext Context { get; }

    /// <summary>The pipeline with an "Explanation" column: the normalised features (linear) or the contributions (trees).</summary>
    internal ITransformer Scoring { get; }

    public CreditModel WithRole(CreditModelRole role) => new(Card with { Role = role }, Context, Scoring);

    /// <summary>
    /// Each slot's push on the log-odds of default for this applicant against the average training applicant:
    /// coefficient × (normalised value − mean normalised value) for logistic regression; ML.NET's feature
    /// contributions for trees. Written into <paramref name="contributions"/>.
    /// </summary>
    internal void Contributions(ReadOnlySpan<float> explanation, Span<float> contributions)
    {
        if (_weights is null || _reference is null)
        {
            explanation.CopyTo(contributions);
            return;
        }

        for (var i = 0; i < _weights.Length; i++)
        {
            contributions[i] = _weights[i] * (explanation[i] - _reference[i]);
        }
    }
}
