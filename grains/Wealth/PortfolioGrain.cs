using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.Wealth;

/// <summary>
/// A shell over the wealth domain: the questionnaire, the holdings and their valuation. Orders live in
/// PortfolioGrain.Orders.cs, rebalancing in PortfolioGrain.Rebalancing.cs.
/// </summary>
public sealed partial class PortfolioGrain(
    [PersistentState("portfolio", FinNames.Storage)] IPersistentState<PortfolioState> state,
    MarketFeed market,
    IOptions<WealthOptions> options,
    IOptions<PendingMovementOptions> pendingOptions,
    TimeProvider clock,
    ILogger<PortfolioGrain> logger) : Grain, IPortfolioGrain, IRemindable
{
    private const int RatioDecimals = 6;

    private PortfolioState S => state.State;

    private string Id => this.GetPrimaryKeyString();

    private WealthOptions Settings => options.Value;

    public async Task<PortfolioView> Open(PortfolioOpening opening)
    {
        ArgumentNullException.ThrowIfNull(opening);
        if (S.Exists)
        {
            throw new FinException(FinErrorCode.Conflict, "A portfolio with this id already exists.");
        }

        var (level, goal) = Assess(opening.Assessment);
        var customer = await GrainFactory.GetGrain<ICustomerGrain>(opening.CustomerId).Get() ?? throw FinException.NotFound("Customer");
        var account = await GrainFactory.GetGrain<IAccountGrain>(opening.AccountId).Get();
        if (account is null || account.Kind != AccountKind.Customer)
        {
            throw FinException.NotFound("Account");
        }

        if (account.CustomerId != opening.CustomerId)
        {
            throw new FinException(FinErrorCode.Forbidden, "The account does not belong to the customer.", "accountId");
        }

        if (customer.KycStatus != KycStatus.Verified)
        {
            throw new FinException(FinErrorCode.BusinessRule, "Only a customer with verified identity (KYC) may invest.");
        }

        if (account.Currency != Settings.Currency)
        {
            throw new FinException(FinErrorCode.BusinessRule, $"Funds are sold in {Settings.Currency}; accountId must be a {Settings.Currency} account.", "accountId");
        }

        if (account.Status == AccountStatus.Closed)
        {
            throw new FinException(FinErrorCode.BusinessRule, "The account is closed.", "accountId");
        }

        // Listed first: a failure after this leaves a listed id with no portfolio (skipped when listing), never a
        // portfolio its customer cannot find.
        await GrainFactory.GetGrain<ICustomerGrain>(opening.CustomerId).AddPortfolio(Id);
        var now = clock.GetUtcNow();
        state.State = new PortfolioState
        {
            Exists = true,
            CustomerId = opening.CustomerId,
            AccountId = opening.AccountId,
            Currency = account.Currency,
            OpenedBy = opening.OpenedBy,
            OpenedAt = now,
        };
        ApplyAssessment(opening.Assessment.Answers, goal, opening.Assessment.HorizonYears, level, now);
        await Commit();
        await RegisterRebalanceReminder(now);
        await GrainFactory.GetGrain<IPortfolioBookGrain>(PortfolioBook.KeyFor(Id)).Track(Id); // not yet tracked: the book is not sweeping this grain
        await ShareAssessment();
        LogOpened(logger, Id, S.CustomerId, S.RiskClass.ToString());
        return ToView();
    }

    public Task<PortfolioView?> Get() => Task.FromResult(S.Exists ? ToView() : null);

    public async Task<PortfolioView> Reassess(RiskAnswers assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        EnsureExists();
        var (level, goal) = Assess(assessment);
        ApplyAssessment(assessment.Answers, goal, assessment.HorizonYears, level, clock.GetUtcNow());
        await Commit();
        await ShareAssessment();
        LogReassessed(logger, Id, S.RiskClass.ToString());
        return ToView();
    }

    public async Task AdoptAssessment(InvestorAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (S.Exists && await AdoptIfNewer(assessment))
        {
            LogReassessed(logger, Id, S.RiskClass.ToString());
        }
    }

    /// <summary>Takes the customer's assessment when it is newer than this portfolio's; true when it did.</summary>
    private async Task<bool> AdoptIfNewer(InvestorAssessment? assessment)
    {
        if (assessment is null || assessment.AssessedAt <= S.AssessedAt
            || !Enum.TryParse<InvestorRiskClass>(assessment.RiskLevel, out var level) || !Enum.TryParse<InvestmentGoal>(assessment.Goal, out var goal))
        {
            return false;
        }

        ApplyAssessment(assessment.Answers, goal, assessment.HorizonYears, level, assessment.AssessedAt);
        await Commit();
        return true;
    }

    /// <summary>Makes this portfolio's assessment the customer's, and tells the customer's other portfolios (one-way).</summary>
    private async Task ShareAssessment()
    {
        var assessment = new InvestorAssessment([.. S.Answers], S.Goal.ToString(), S.HorizonYears, S.RiskClass.ToString(), S.AssessedAt);
        var portfolios = await GrainFactory.GetGrain<ICustomerGrain>(S.CustomerId).RecordAssessment(assessment);
        foreach (var other in portfolios.Where(p => p != Id))
        {
            await GrainFactory.GetGrain<IPortfolioGrain>(other).AdoptAssessment(assessment);
        }
    }

    public Task<IReadOnlyList<RecommendationView>> Recommend()
    {
        EnsureExists();
        var navs = market.NavsOn(Today());
        var weights = PortfolioAnalytics.Weights(S.Units, navs, S.Cash);
        var value = PortfolioAnalytics.MarketValue(S.Units, navs, S.Cash);
        IReadOnlyList<RecommendationView> ranked = [.. Recommender.Rank(S.RiskClass, S.Targets, weights, value, S.PreviouslyHeld)
            .Select(r => new RecommendationView(
                r.Product.Id, r.Product.Name, r.Product.AssetClass.ToString(), r.Product.RiskGrade.ToString(), Ratio(r.CurrentWeight),
                r.TargetWeight, Ratio(r.Gap), r.SuggestedAmount, r.PreviouslyHeld, r.Reason))];
        return Task.FromResult(ranked);
    }

    public Task<IReadOnlyList<ValuationView>> GetValuations()
    {
        EnsureExists();
        IReadOnlyList<ValuationView> points = [.. Valuations().Select(p => new ValuationView(p.Date, p.Value, Ratio(p.Index)))];
        return Task.FromResult(points);
    }

    private static (InvestorRiskClass Level, InvestmentGoal Goal) Assess(RiskAnswers assessment)
    {
        if (!Enum.TryParse<InvestmentGoal>(assessment.Goal, ignoreCase: false, out var goal) || !Enum.IsDefined(goal))
        {
            throw new FinException(FinErrorCode.Validation, $"goal must be one of {string.Join(", ", Enum.GetNames<InvestmentGoal>())}.", "goal");
        }

        try
        {
            return (RiskQuestionnaire.Assess(assessment.Answers, goal, assessment.HorizonYears), goal);
        }
        catch (ArgumentException ex)
        {
            throw new FinException(FinErrorCode.Validation, ex.Message.Split(" (Parameter")[0], ex.ParamName == "horizonYears" ? "horizonYears" : "answers");
        }
    }

    private void ApplyAssessment(IReadOnlyList<int> answers, InvestmentGoal goal, int horizonYears, InvestorRiskClass level, DateTimeOffset at)
    {
        S.Answers = [.. answers];
        S.Goal = goal;
        S.HorizonYears = horizonYears;
        S.RiskClass = level;
        S.AssessedAt = at;
        S.Targets = new Dictionary<string, decimal>(ModelPortfolios.TargetFor(level), StringComparer.Ordinal);
    }

    private void EnsureExists()
    {
        if (!S.Exists)
        {
            throw FinException.NotFound("Portfolio");
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private Holdings CurrentHoldings() => new(S.Units, S.Cash);

    private void SetHoldings(Holdings holdings, DateOnly navDate, decimal flow, string cause)
    {
        S.Units = new Dictionary<string, decimal>(holdings.Units, StringComparer.Ordinal);
        S.Cash = holdings.Cash;
        S.PreviouslyHeld.UnionWith(S.Units.Keys);
        S.Changes.Add(new HoldingsChangeRecord
        {
            Date = navDate,
            Units = new Dictionary<string, decimal>(S.Units, StringComparer.Ordinal),
            Cash = S.Cash,
            Flow = flow,
            Cause = cause,
        });
    }

    private IReadOnlyList<ValuationPoint> Valuations()
    {
        if (S.Changes.Count == 0)
        {
            return [];
        }

        var changes = S.Changes.Select(c => new HoldingsChange(c.Date, new Holdings(c.Units, c.Cash), c.Flow)).ToList();
        return PerformanceIndex.Build(changes, market.Days(changes[0].Date, Today()));
    }

    private PortfolioView ToView()
    {
        var today = Today();
        var navDate = market.NavDate(today);
        var navs = market.NavsOn(today);
        var values = PortfolioAnalytics.HoldingValues(S.Units, navs);
        var weights = PortfolioAnalytics.Weights(S.Units, navs, S.Cash);
        var marketValue = PortfolioAnalytics.MarketValue(S.Units, navs, S.Cash);
        var index = Valuations().Select(p => p.Index).ToList();
        var holdings = S.Units.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u =>
        {
            var product = ProductCatalogue.Get(u.Key);
            return new HoldingView(
                u.Key, product.Name, product.RiskGrade.ToString(), u.Value, navs[u.Key],
                decimal.Round(values[u.Key], 2, MidpointRounding.AwayFromZero), Ratio(weights.GetValueOrDefault(u.Key)), S.Targets.GetValueOrDefault(u.Key));
        }).ToList();
        return new PortfolioView(
            Id, S.CustomerId, S.AccountId, S.Currency, S.RiskClass.ToString(), S.Goal.ToString(), S.HorizonYears, S.AssessedAt,
            S.AssessedAt.AddYears(1), RiskQuestionnaire.IsExpired(S.AssessedAt, clock.GetUtcNow()),
            [.. S.Targets.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new AllocationView(t.Key, t.Value))],
            holdings, S.Cash, marketValue, S.NetInvested,
            Ratio(index.Count > 0 ? PortfolioAnalytics.TotalReturn(index) : 0m),
            Ratio(PortfolioAnalytics.AnnualisedVolatility(index)),
            Ratio(index.Count > 0 ? PortfolioAnalytics.MaxDrawdown(index) : 0m),
            Ratio(marketValue > 0 ? PortfolioAnalytics.Drift(weights, S.Targets) : 0m),
            S.LastRebalancedAt, navDate, S.OpenedAt);
    }

    private static decimal Ratio(decimal value) => decimal.Round(value, RatioDecimals, MidpointRounding.AwayFromZero);

    private static string Format(decimal amount) => amount.ToString("F2", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portfolio {PortfolioId} opened for {CustomerId} at {RiskLevel}")]
    private static partial void LogOpened(ILogger logger, string portfolioId, string customerId, string riskLevel);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portfolio {PortfolioId} reassessed at {RiskLevel}")]
    private static partial void LogReassessed(ILogger logger, string portfolioId, string riskLevel);
}
