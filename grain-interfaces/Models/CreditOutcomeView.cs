namespace Orleans.Fin.Models;

/// <summary>A loan's application and its realised outcome: <paramref name="Defaulted"/> once NonPerforming, false once Closed.</summary>
[GenerateSerializer, Immutable, Alias("fin.CreditOutcomeView")]
public sealed record CreditOutcomeView(string LoanId, CreditOutcomeApplication Application, double ProbabilityOfDefault, string ModelVersion, bool Defaulted);
