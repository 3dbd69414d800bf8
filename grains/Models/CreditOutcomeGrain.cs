using Orleans.Fin.Common;
using Orleans.Fin.Models.Domain;

namespace Orleans.Fin.Models;

/// <summary>
/// The realised outcomes of loans, which credit retraining and back-tests learn from. A loan keeps the application it
/// was scored on in its own state and hands it here only when the outcome is realised, so this store grows with
/// outcomes, not with every application, and no loan decision waits on it. Loans applied for before that were
/// registered here when scored; their status changes still label those entries.
/// </summary>
public sealed class CreditOutcomeGrain(
    [PersistentState("credit-outcomes", FinNames.Storage)] IPersistentState<CreditOutcomeState> state) : Grain, ICreditOutcomeGrain
{
    public async Task Record(CreditOutcomeView outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var recorded = state.State.Loans.GetValueOrDefault(outcome.LoanId);
        if (!CreditOutcomeLabel.Replaces(DefaultedOf(recorded), outcome.Defaulted))
        {
            return;
        }

        state.State.Loans[outcome.LoanId] = new StoredCreditOutcome
        {
            Application = outcome.Application,
            ProbabilityOfDefault = outcome.ProbabilityOfDefault,
            ModelVersion = outcome.ModelVersion,
            Outcome = OutcomeName(outcome.Defaulted),
        };
        await state.WriteStateAsync();
    }

    public async Task StatusChanged(string loanId, string status)
    {
        if (!state.State.Loans.TryGetValue(loanId, out var loan) || CreditOutcomeLabel.Of(status) is not { } defaulted
            || !CreditOutcomeLabel.Replaces(DefaultedOf(loan), defaulted))
        {
            return;
        }

        loan.Outcome = OutcomeName(defaulted);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<CreditOutcomeView>> Realised() => Task.FromResult<IReadOnlyList<CreditOutcomeView>>(
        [.. state.State.Loans.Where(l => l.Value.Outcome is "Defaulted" or "Repaid")
            .Select(l => new CreditOutcomeView(l.Key, l.Value.Application!, l.Value.ProbabilityOfDefault, l.Value.ModelVersion, l.Value.Outcome == "Defaulted"))]);

    private static bool? DefaultedOf(StoredCreditOutcome? loan) => loan?.Outcome switch
    {
        "Defaulted" => true,
        "Repaid" => false,
        _ => null,
    };

    private static string OutcomeName(bool defaulted) => defaulted ? "Defaulted" : "Repaid";
}

public sealed class CreditOutcomeState
{
    public int SchemaVersion { get; set; } = 1;
    public Dictionary<string, StoredCreditOutcome> Loans { get; set; } = [];
}

public sealed class StoredCreditOutcome
{
    public CreditOutcomeApplication? Application { get; set; }
    public double ProbabilityOfDefault { get; set; }
    public string ModelVersion { get; set; } = "";

    /// <summary>Open until realised: Defaulted or Repaid.</summary>
    public string Outcome { get; set; } = "Open";
}
