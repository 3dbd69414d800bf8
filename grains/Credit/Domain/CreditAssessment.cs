namespace Orleans.Fin.Credit.Domain;

/// <summary>
/// What the model says about one application: the probability of default (0..1), the credit score on the
/// points-to-double-odds scale (<see cref="CreditScoreScale"/>), the reason codes that pushed the score down most
/// (largest first) and the version of the model that scored it.
/// </summary>
public sealed record CreditAssessment(double ProbabilityOfDefault, int CreditScore, IReadOnlyList<string> Reasons, string ModelVersion);
