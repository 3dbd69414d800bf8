using System.Globalization;
using Microsoft.Extensions.Options;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Loans.Domain;
using Orleans.Fin.Risk;

namespace Orleans.Fin.Loans;

/// <summary>The portfolio's counts and ratios; raises an early-warning alert in the risk alert registry on a crossing.</summary>
public sealed class LoanPortfolioGrain(
    [PersistentState("loan-portfolio", FinNames.Storage)] IPersistentState<LoanPortfolioState> state,
    IOptions<LoanPortfolioOptions> options,
    TimeProvider clock) : Grain, ILoanPortfolioGrain
{
    private LoanPortfolioState S => state.State;

    public async Task RecordApplication(string decision, bool automatic, bool usedModel)
    {
        S.Applications++;
        S.AutomaticDecisions += automatic ? 1 : 0;
        S.AutomaticDecisionsWithModel += automatic && usedModel ? 1 : 0;
        switch (decision)
        {
            case "Approved":
                S.Approved++;
                break;
            case "Rejected":
                S.Rejected++;
                break;
            default:
                S.PendingReview++;
                break;
        }

        await state.WriteStateAsync();
    }

    public async Task RecordReview(bool approved)
    {
        S.PendingReview = Math.Max(0, S.PendingReview - 1);
        if (approved)
        {
            S.Approved++;
        }
        else
        {
            S.Rejected++;
        }

        await state.WriteStateAsync();
    }

    public async Task RecordStatus(string loanId, string status, decimal outstanding)
    {
        if (!Enum.TryParse<LoanStatus>(status, out var parsed))
        {
            throw new FinException(FinErrorCode.Validation, $"Unknown loan status {status}.", "status");
        }

        var before = Get(S);
        var balanceKnown = S.OpenBalances.TryGetValue(loanId, out var balance) && balance == outstanding;
        if (parsed == LoanStatus.Closed ? !S.OpenLoans.Remove(loanId) : S.OpenLoans.TryGetValue(loanId, out var known) && known == parsed && balanceKnown)
        {
            return; // nothing changed
        }

        if (parsed == LoanStatus.Closed)
        {
            S.OpenBalances.Remove(loanId);
        }
        else
        {
            S.OpenLoans[loanId] = parsed;
            S.OpenBalances[loanId] = outstanding;
        }

        await state.WriteStateAsync();
        var after = Get(S);
        var o = options.Value;
        if (PortfolioWarnings.CrossedAbove(before.OverdueRate, after.OverdueRate, o.OverdueRateAlert, after.OpenLoans, o.MinimumOpenLoans))
        {
            await Alert("OVERDUE_RATE", string.Create(CultureInfo.InvariantCulture, $"Loan overdue rate {after.OverdueRate:P1} is above {o.OverdueRateAlert:P1}"), RiskLevel.Medium);
        }

        if (PortfolioWarnings.CrossedAbove(before.NplRatio, after.NplRatio, o.NplRatioAlert, after.OpenLoans, o.MinimumOpenLoans))
        {
            await Alert("NPL_RATIO", string.Create(CultureInfo.InvariantCulture, $"Loan NPL ratio {after.NplRatio:P1} is above {o.NplRatioAlert:P1}"), RiskLevel.High);
        }
    }

    public Task<LoanPortfolioView> Get() => Task.FromResult(Get(S));

    private static LoanPortfolioView Get(LoanPortfolioState s)
    {
        var open = s.OpenLoans.Count;
        var overdue = s.OpenLoans.Values.Count(v => v == LoanStatus.Overdue);
        var npl = s.OpenLoans.Values.Count(v => v == LoanStatus.NonPerforming);
        return new LoanPortfolioView(
            s.Applications, s.AutomaticDecisions, s.Approved, s.Rejected, s.PendingReview, open, overdue, npl,
            PortfolioWarnings.Ratio(s.AutomaticDecisions, s.Applications),
            PortfolioWarnings.Ratio(s.Approved, s.Approved + s.Rejected),
            PortfolioWarnings.Ratio(overdue + npl, open),
            PortfolioWarnings.Ratio(npl, open),
            s.AutomaticDecisionsWithModel,
            BalanceOf(s, _ => true),
            BalanceOf(s, status => status == LoanStatus.Overdue),
            BalanceOf(s, status => status == LoanStatus.NonPerforming));
    }

    private static decimal BalanceOf(LoanPortfolioState s, Func<LoanStatus, bool> having) =>
        s.OpenLoans.Where(l => having(l.Value)).Sum(l => s.OpenBalances.GetValueOrDefault(l.Key));

    private Task<AlertView> Alert(string reason, string message, RiskLevel severity) =>
        GrainFactory.GetGrain<IRiskAlertRegistryGrain>(RiskGrainKeys.Global).Raise(new AlertDraft(
            AlertKind.PortfolioThreshold, "portfolio:" + this.GetPrimaryKeyString(), severity, message, [reason], null, clock.GetUtcNow()));
}
