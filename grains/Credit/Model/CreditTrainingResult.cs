using Orleans.Fin.Credit.Domain;

namespace Orleans.Fin.Credit.Model;

/// <summary>The outcome of training: the data-quality report, the champion, the challenger (if trained) and the time taken.</summary>
public sealed record CreditTrainingResult(
    CreditDataQualityReport Report,
    CreditModel Champion,
    CreditModel? Challenger,
    TimeSpan TrainingTime)
{
    public IReadOnlyList<CreditModel> Models => Challenger is null ? [Champion] : [Champion, Challenger];
}
