using Microsoft.Extensions.Logging;
using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk;
using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.Wealth;

/// <summary>
/// Subscriptions and redemptions. An order is written (with its trades) before any money moves, its movement's id is
/// the order id, and it is settled from the movement's outcome, so a crash at any point ends with the money and the
/// units agreeing: the pending-movement reminder, a retry, the next order or the next tick finishes a pending order.
/// </summary>
public sealed partial class PortfolioGrain
{
    public const string Channel = "wealth";

    public async Task<FundOrderResult> Subscribe(FundOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        EnsureExists();
        if (await Replay(order, OrderKind.Subscription) is { } replay)
        {
            return replay;
        }

        await ResumePending();
        RequireAmount(order.Amount);
        Product? product = null;
        if (order.ProductId is { } productId)
        {
            product = ProductCatalogue.Find(productId)
                ?? throw new FinException(FinErrorCode.Validation, $"productId '{productId}' is not a product on sale.", "productId");
        }

        // The customer's newest assessment decides, even when it was answered for another portfolio.
        var customer = await GrainFactory.GetGrain<ICustomerGrain>(S.CustomerId).Get();
        await AdoptIfNewer(customer?.Assessment);
        var now = clock.GetUtcNow();
        if (RiskQuestionnaire.IsExpired(S.AssessedAt, now))
        {
            throw new FinException(
                FinErrorCode.AssessmentExpired,
                $"The risk assessment of {S.AssessedAt:yyyy-MM-dd} has expired; answer the questionnaire again before buying.");
        }

        if (product is not null && !Suitability.IsSuitable(S.RiskClass, product))
        {
            throw new FinException(
                FinErrorCode.Unsuitable,
                $"{product.Name} ({product.Id}) is graded {product.RiskGrade}, above the customer's risk level {S.RiskClass}.",
                "productId");
        }

        await EnsureMayBuy(customer);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var navs = market.NavsOn(today);
        var trades = product is null
            ? FundOrders.BuyTowardsTargets(CurrentHoldings(), navs, S.Targets, order.Amount)
            : FundOrders.BuyProduct(product.Id, order.Amount, navs);
        var record = NewOrder(order, OrderKind.Subscription, trades, market.NavDate(today), now);
        await ArmRecovery();
        S.Orders[record.Id] = record;
        await Commit(); // write-ahead: the order exists before the money moves
        await Settle(record);
        return ToResult(record);
    }

    public async Task<FundOrderResult> Redeem(FundOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        EnsureExists();
        if (await Replay(order, OrderKind.Redemption) is { } replay)
        {
            return replay;
        }

        await ResumePending();
        RequireAmount(order.Amount);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var navs = market.NavsOn(today);
        var holdings = CurrentHoldings();
        var value = PortfolioAnalytics.MarketValue(holdings.Units, navs, holdings.Cash);
        if (order.Amount > value)
        {
            throw new FinException(
                FinErrorCode.BusinessRule, $"The amount exceeds the portfolio's value of {Format(value)} {S.Currency}.", "amount");
        }

        var trades = FundOrders.SellFor(holdings, navs, order.Amount);
        var record = NewOrder(order, OrderKind.Redemption, trades, market.NavDate(today), now);
        await ArmRecovery();
        S.Orders[record.Id] = record;

        // The units leave with the write-ahead record, so nothing can sell them twice; a declined payout puts them back.
        SetHoldings(holdings.After(trades, cashIn: -order.Amount), record.NavDate, -order.Amount, "redemption");
        S.NetInvested -= order.Amount;
        await Commit();
        await Settle(record);
        return ToResult(record);
    }

    public Task<FundOrderResult?> GetOrder(string orderId) =>
        Task.FromResult(S.Exists && S.Orders.TryGetValue(orderId, out var record) ? ToResult(record) : null);

    /// <summary>The recorded result of an order id already used (finishing it if it is pending); null for a new id.</summary>
    private async Task<FundOrderResult?> Replay(FundOrder order, OrderKind kind)
    {
        if (!S.Orders.TryGetValue(order.OrderId, out var record))
        {
            return null;
        }

        if (record.Kind != kind || !string.Equals(record.RequestHash, order.RequestHash, StringComparison.Ordinal))
        {
            throw new FinException(FinErrorCode.IdempotencyConflict, "The Idempotency-Key was already used with another request body.");
        }

        if (record.Status == OrderStatus.Pending)
        {
            await Settle(record);
        }

        return ToResult(record);
    }

    private async Task ResumePending()
    {
        foreach (var record in S.Orders.Values.Where(o => o.Status == OrderStatus.Pending).ToList())
        {
            await Settle(record);
        }
    }

    /// <summary>Moves the money of a written order (or replays its movement) and applies its outcome to the holdings once.</summary>
    private async Task Settle(OrderRecord record)
    {
        var subscription = record.Kind == OrderKind.Subscription;
        var hash = $"{record.Kind}:{Id}:{S.AccountId}:{Format(record.Amount)}:{record.RequestHash}";
        var request = subscription
            ? new MovementRequest(MovementKind.FundSubscription, hash, S.CustomerId, S.AccountId, null, record.Amount, S.Currency, Channel)
            : new MovementRequest(MovementKind.FundRedemption, hash, S.CustomerId, null, S.AccountId, record.Amount, S.Currency, Channel);
        string? declineReason;
        bool completed;
        try
        {
            var result = await GrainFactory.GetGrain<IMoneyMovementGrain>(record.Id).Execute(request);
            completed = result.Status == MovementStatus.Completed;
            declineReason = completed ? null : result.DeclineReason?.ToString() ?? result.Status.ToString();
        }
        catch (FinException refused) when (refused.Code != FinErrorCode.Unavailable)
        {
            // The ledger refused the request and kept nothing: no money moved, so the order is declined. (Unavailable
            // may have moved money: the order stays pending for a retry.)
            completed = false;
            declineReason = refused.Code.ToString();
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var navDate = market.NavDate(today);
        if (subscription && completed && record.NavDate != navDate)
        {
            // Finished on a later day (after an interruption): the units are bought at the NAV of the day the money arrived.
            var navs = market.NavsOn(today);
            var repriced = record.ProductId is { } productId
                ? FundOrders.BuyProduct(productId, record.Amount, navs)
                : FundOrders.BuyTowardsTargets(CurrentHoldings(), navs, S.Targets, record.Amount);
            record.Trades = [.. repriced.Select(ToRecord)];
            record.NavDate = navDate;
        }

        var trades = record.Trades.Select(ToTrade).ToList();
        var settlement = subscription
            ? FundOrderSettlement.Subscription(CurrentHoldings(), trades, record.Amount, completed)
            : FundOrderSettlement.Redemption(CurrentHoldings(), trades, record.Amount, completed);
        if (settlement.Flow != 0)
        {
            SetHoldings(settlement.Holdings, subscription ? record.NavDate : navDate, settlement.Flow, subscription ? "subscription" : "redemption-declined");
            S.NetInvested += settlement.Flow;
        }

        record.Status = completed ? OrderStatus.Completed : OrderStatus.Declined;
        record.DeclineReason = declineReason;
        record.At = now;
        await Commit(); // a failed write reloads the order as Pending: the next retry or tick settles it again
        FinMetrics.FundOrders.Add(1, new("kind", record.Kind.ToString()), new("status", record.Status.ToString()));
        LogOrderSettled(logger, Id, record.Id, record.Kind.ToString(), record.Status.ToString(), record.Amount);
    }

    /// <summary>Buying is closed while the portfolio's account is frozen or the customer's risk is high; selling stays open.</summary>
    private async Task EnsureMayBuy(CustomerProfile? customer)
    {
        var account = await GrainFactory.GetGrain<IAccountGrain>(S.AccountId).Get();
        if (account?.Status == AccountStatus.Frozen)
        {
            throw new FinException(FinErrorCode.InvestmentRestricted, "The account is frozen: the portfolio may be redeemed but not added to.");
        }

        var risk = await GrainFactory.GetGrain<IRiskGrain>(S.CustomerId).GetProfile();
        if (risk.RiskLevel == Customers.RiskLevel.High || customer?.RiskLevel == Customers.RiskLevel.High)
        {
            throw new FinException(FinErrorCode.InvestmentRestricted, "The customer's risk level is High: the portfolio may be redeemed but not added to.");
        }
    }

    private static OrderRecord NewOrder(FundOrder order, OrderKind kind, IEnumerable<Trade> trades, DateOnly navDate, DateTimeOffset now) => new()
    {
        Id = order.OrderId,
        Kind = kind,
        RequestHash = order.RequestHash,
        InitiatedBy = order.InitiatedBy,
        Status = OrderStatus.Pending,
        Amount = order.Amount,
        ProductId = order.ProductId,
        Trades = [.. trades.Select(ToRecord)],
        NavDate = navDate,
        At = now,
    };

    private static void RequireAmount(decimal amount)
    {
        if (MoneyRules.Validate(amount) is { } error)
        {
            throw new FinException(FinErrorCode.Validation, error, "amount");
        }
    }

    private static TradeRecord ToRecord(Trade t) => new() { ProductId = t.ProductId, Side = t.Side, Units = t.Units, Nav = t.Nav, Amount = t.Amount };

    private static Trade ToTrade(TradeRecord t) => new(t.ProductId, t.Side, t.Units, t.Nav, t.Amount);

    private static TradeView ToView(TradeRecord t) => new(t.ProductId, t.Side.ToString(), t.Units, t.Nav, t.Amount);

    private FundOrderResult ToResult(OrderRecord r) =>
        new(r.Id, Id, r.Kind.ToString(), r.Status.ToString(), r.DeclineReason, r.Amount, r.ProductId, [.. r.Trades.Select(ToView)], r.NavDate, r.At, ToView());

    [LoggerMessage(Level = LogLevel.Information, Message = "Portfolio {PortfolioId} order {OrderId} ({Kind}) {Status}: {Amount}")]
    private static partial void LogOrderSettled(ILogger logger, string portfolioId, string orderId, string kind, string status, decimal amount);
}
