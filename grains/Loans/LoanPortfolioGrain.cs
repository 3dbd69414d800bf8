using System.Globalization;
using Microsoft.Extensions.Options;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Loans.Domain;
using Orleans.Fin.Risk;

namespace Orleans.Fin.Loans;

/// <summary>
/// The portfolio's counts and ratios; raises an early-warning alert in the risk alert registry on a crossing. Every
/// change is written through one loop: the calls that arrive while a write is under way share the next one (group
/// commit), so a busy book costs a database round trip per batch of applications, not per application. A failed
/// write fails every call of its batch and deactivates the grain, whose next activation reads what was committed.
/// </summary>
public sealed class LoanPortfolioGrain(
    [PersistentState("loan-portfolio", FinNames.Storage)] IPersistentState<LoanPortfolioState> state,
    IOptions<LoanPortfolioOptions> options,
    TimeProvider clock) : Grain, ILoanPortfolioGrain
{
    private LoanPortfolioState _book = new();
    private bool _broken;
    private SharedWrite? _write;

    private SharedWrite Write => _write ??= new SharedWrite(WriteBookAsync, WriteFailed);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _book = state.State.Copy();
        return Task.CompletedTask;
    }

    public Task RecordApplication(string decision, bool automatic, bool usedModel)
    {
        _book.Applications++;
        _book.AutomaticDecisions += automatic ? 1 : 0;
        _book.AutomaticDecisionsWithModel += automatic && usedModel ? 1 : 0;
        switch (decision)
        {
            case "Approved":
                _book.Approved++;
                break;
            case "Rejected":
                _book.Rejected++;
                break;
            default:
                _book.PendingReview++;
                break;
        }

        return Persist();
    }

    public async Task RecordReview(bool approved)
    {
        _book.PendingReview = Math.Max(0, _book.PendingReview - 1);
        if (approved)
        {
            _book.Approved++;
        }
        else
        {
            _book.Rejected++;
        }

        await Persist();
    }

    public async Task RecordStatus(string loanId, string status, decimal outstanding)
    {
        if (!Enum.TryParse<LoanStatus>(status, out var parsed))
        {
            throw new FinException(FinErrorCode.Validation, $"Unknown loan status {status}.", "status");
        }

        var before = Get(_book);
        var balanceKnown = _book.OpenBalances.TryGetValue(loanId, out var balance) && balance == outstanding;
        if (parsed == LoanStatus.Closed ? !_book.OpenLoans.Remove(loanId) : _book.OpenLoans.TryGetValue(loanId, out var known) && known == parsed && balanceKnown)
        {
            return; // nothing changed
        }

        if (parsed == LoanStatus.Closed)
        {
            _book.OpenBalances.Remove(loanId);
        }
        else
        {
            _book.OpenLoans[loanId] = parsed;
            _book.OpenBalances[loanId] = outstanding;
        }

        await Persist();
        var after = Get(_book);
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

    public Task<LoanPortfolioView> Get() => Task.FromResult(Get(_book));

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

    /// <summary>Every caller waiting here is answered by the first write that starts after its change.</summary>
    private Task Persist() =>
        _broken
            ? Task.FromException(new FinException(FinErrorCode.Unavailable, "The loan portfolio is reloading; retry."))
            : Write.Request(); // after a failed write, memory may hold changes never stored: nothing more is written from it

    private Task WriteBookAsync()
    {
        state.State = _book.Copy();
        return state.WriteStateAsync();
    }

    private FinException WriteFailed(Exception ex)
    {
        _broken = true;
        DeactivateOnIdle(); // the stored etag is unknown now: the next activation reads what was committed
        return new FinException(FinErrorCode.Unavailable, $"The loan portfolio could not be recorded ({ex.GetType().Name}); retry.");
    }

    private static decimal BalanceOf(LoanPortfolioState s, Func<LoanStatus, bool> having) =>
        s.OpenLoans.Where(l => having(l.Value)).Sum(l => s.OpenBalances.GetValueOrDefault(l.Key));

    private Task<AlertView> Alert(string reason, string message, RiskLevel severity) =>
        GrainFactory.GetGrain<IRiskAlertRegistryGrain>(RiskGrainKeys.Global).Raise(new AlertDraft(
            AlertKind.PortfolioThreshold, "portfolio:" + this.GetPrimaryKeyString(), severity, message, [reason], null, clock.GetUtcNow()));
}
