using Orleans.Fin.Common;

namespace Orleans.Fin.Models;

/// <summary>
/// Keeps each disbursed loan's application until its outcome is realised: NonPerforming on the business clock is a
/// default (and stays one even if the loan is later repaid), Closed without having defaulted is a good loan.
/// </summary>
public sealed class CreditOutcomeGrain(
    [PersistentState("credit-outcomes", FinNames.Storage)] IPersistentState<CreditOutcomeState> state) : Grain, ICreditOutcomeGrain
{
    public async Task Scored(string loanId, CreditOutcomeApplication application, double probabilityOfDefault, string modelVersion)
    {
        if (state.State.Loans.ContainsKey(loanId))
        {
            return;
        }

        state.State.Loans[loanId] = new StoredCreditOutcome { Application = application, ProbabilityOfDefault = probabilityOfDefault, ModelVersion = modelVersion };
        await state.WriteStateAsync();
    }

    public async Task StatusChanged(string loanId, string status)
    {
        if (!state.State.Loans.TryGetValue(loanId, out var loan) || loan.Outcome == "Defaulted")
        {
            return;
        }

        var outcome = status switch
        {
            "NonPerforming" => "Defaulted",
            "Closed" => "Repaid",
            _ => loan.Outcome,
        };
        if (outcome != loan.Outcome)
        {
            loan.Outcome = outcome;
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<CreditOutcomeView>> Realised() => Task.FromResult<IReadOnlyList<CreditOutcomeView>>(
        [.. state.State.Loans.Where(l => l.Value.Outcome is "Defaulted" or "Repaid")
            .Select(l => new CreditOutcomeView(l.Key, l.Value.Application!, l.Value.ProbabilityOfDefault, l.Value.ModelVersion, l.Value.Outcome == "Defaulted"))]);
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
