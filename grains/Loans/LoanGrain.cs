using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Credit;
using Orleans.Fin.Credit.Domain;
using Orleans.Fin.Models;
using Orleans.Fin.Customers;
using Orleans.Fin.Loans.Domain;
using Orleans.Fin.Notifications;
using Orleans.Fin.Risk;

namespace Orleans.Fin.Loans;

/// <summary>
/// One consumer loan. Applying scores the application with the champion credit model and decides it (automatically up
/// to the small-loan threshold, ManualReview above); an operator decides ManualReview applications. The rules live in
/// <see cref="LoanEligibility"/>, <see cref="CreditDecisionPolicy"/> and the loan domain; this grain gathers the
/// facts, applies them and keeps the result.
/// </summary>
public sealed partial class LoanGrain(
    [PersistentState("loan", FinNames.Storage)] IPersistentState<LoanState> state,
    ServingCreditScorer scorer,
    IOptions<CreditOptions> options,
    IOptions<PendingMovementOptions> pendingOptions,
    INotifier notifier,
    TimeProvider clock,
    ILogger<LoanGrain> logger) : Grain, ILoanGrain
{
    private LoanState S => state.State;

    private string Id => this.GetPrimaryKeyString();

    private ILoanPortfolioGrain Portfolio => GrainFactory.GetGrain<ILoanPortfolioGrain>(ILoanPortfolioGrain.Key);

    /// <summary>Where realised outcomes are kept for credit retraining and back-tests.</summary>
    private ICreditOutcomeGrain CreditOutcomes => GrainFactory.GetGrain<ICreditOutcomeGrain>(ICreditOutcomeGrain.Key);

    public async Task<LoanView> Apply(LoanApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (S.Exists)
        {
            throw new FinException(FinErrorCode.Conflict, "A loan with this id already exists.");
        }

        var customer = await GrainFactory.GetGrain<ICustomerGrain>(application.CustomerId).Get() ?? throw FinException.NotFound("Customer");
        var account = await GrainFactory.GetGrain<IAccountGrain>(application.AccountId).Get();
        if (account is null || account.Kind != AccountKind.Customer)
        {
            throw FinException.NotFound("Account");
        }

        if (account.CustomerId != application.CustomerId)
        {
            throw new FinException(FinErrorCode.Forbidden, "The account does not belong to the applicant.", "accountId");
        }

        var risk = await GrainFactory.GetGrain<IRiskGrain>(application.CustomerId).GetProfile();
        var now = clock.GetUtcNow();
        var age = LoanEligibility.AgeOn(customer.BirthDate, DateOnly.FromDateTime(now.UtcDateTime));
        var refusals = LoanEligibility.Refusals(
            customer.KycStatus == KycStatus.Verified,
            account.Status == AccountStatus.Frozen,
            risk.RiskLevel == RiskLevel.High || customer.RiskLevel == RiskLevel.High);
        var credit = new CreditApplication(
            application.Seniority, application.Home, application.TermMonths, age, application.MaritalStatus, application.Records,
            application.Job, application.Expenses, application.Income, application.Assets, application.Debt, application.Amount, application.Price);
        var settings = options.Value;
        var decision = LoanEligibility.Decide(scorer.Score(Id, credit, settings.MaxReasons), application.Amount, settings, refusals);

        var s = new LoanState
        {
            Exists = true,
            CustomerId = application.CustomerId,
            AccountId = application.AccountId,
            Currency = account.Currency,
            Status = decision.Outcome switch
            {
                CreditOutcome.Approved => LoanStatus.Approved,
                CreditOutcome.Rejected => LoanStatus.Rejected,
                _ => LoanStatus.Applied,
            },
            Decision = decision.Outcome.ToString(),
            Recommendation = decision.Recommendation.ToString(),
            AutomaticDecision = decision.Automatic,
            ProbabilityOfDefault = decision.ProbabilityOfDefault,
            CreditScore = decision.CreditScore,
            AnnualRate = decision.AnnualRate,
            Reasons = [.. decision.Reasons],
            ModelVersion = decision.ModelVersion,
            ScoredApplication = LabelledOutcomes.WireOf(credit),
            Principal = decimal.Round(application.Amount, 2),
            TermMonths = application.TermMonths,
            Purpose = application.Purpose,
            AppliedAt = now,
        };
        state.State = s;
        await Commit();
        await Portfolio.RecordApplication(s.Decision, s.AutomaticDecision, usedModel: refusals.Count == 0);
        LogDecided(logger, Id, s.Decision, s.ModelVersion);
        return ToView();
    }

    public async Task<LoanView> Review(LoanReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        EnsureExists();
        if (S.Status != LoanStatus.Applied)
        {
            throw new FinException(FinErrorCode.Conflict, $"Only an application in ManualReview can be reviewed; this loan is {S.Status}.");
        }

        S.Status = review.Approve ? LoanStatus.Approved : LoanStatus.Rejected;
        S.Decision = (review.Approve ? CreditOutcome.Approved : CreditOutcome.Rejected).ToString();
        if (review.Approve)
        {
            S.AnnualRate ??= CreditPricing.AnnualRate(S.ProbabilityOfDefault);
        }
        else
        {
            S.AnnualRate = null;
        }

        S.ReviewedBy = review.ReviewedBy;
        S.ReviewNote = review.Note;
        S.ReviewedAt = clock.GetUtcNow();
        await Commit();
        await Portfolio.RecordReview(review.Approve);
        LogDecided(logger, Id, S.Decision, S.ModelVersion);
        return ToView();
    }

    public Task<LoanView?> Get() => Task.FromResult(S.Exists ? ToView() : null);

    private void EnsureExists()
    {
        if (!S.Exists)
        {
            throw FinException.NotFound("Loan");
        }
    }

    private LoanView ToView() => LoanViews.From(Id, S, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    [LoggerMessage(Level = LogLevel.Information, Message = "Loan {LoanId} decided {Decision} by model {ModelVersion}")]
    private static partial void LogDecided(ILogger logger, string loanId, string decision, string modelVersion);
}
