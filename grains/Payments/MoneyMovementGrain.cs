using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Payments.Domain;

namespace Orleans.Fin.Payments;

/// <summary>
/// Saga coordinator of one movement. It writes its plan before touching any account (write-ahead), posts the legs in
/// order, reverses the applied legs if a later one is declined, and records the outcome before releasing the legs.
/// A movement interrupted by a crash is finished by <see cref="Resume"/>, which the accounts holding its legs call.
/// </summary>
public sealed partial class MoneyMovementGrain(
    [PersistentState("movement", FinNames.Storage)] IPersistentState<MovementState> state,
    IOptions<FxOptions> fx,
    AccountDirectory accounts,
    TimeProvider clock,
    ILogger<MoneyMovementGrain> logger) : Grain, IMoneyMovementGrain
{
    private MovementState S => state.State;

    private string Id => this.GetPrimaryKeyString();

    public async Task<MovementResult> Execute(MovementRequest request)
    {
        if (S.Exists)
        {
            if (!string.Equals(S.RequestHash, request.RequestHash, StringComparison.Ordinal))
            {
                throw new FinException(FinErrorCode.IdempotencyConflict, "The Idempotency-Key was already used with another request body.");
            }

            if (S.Status == MovementStatus.Pending)
            {
                await Drive();
            }

            if (S.Status != MovementStatus.ChallengeRequired || request.Otp is null)
            {
                return ToResult(); // a challenged payment is taken up again only with a one-time code
            }
        }

        MovementValidation.Validate(request);
        var planned = await Plan(request); // may refuse the request: nothing is kept then
        await PreAuthorise(planned, request.Otp); // payments: the payer's risk grain may decline or ask for a code
        state.State = planned;
        if (S.Status == MovementStatus.Pending)
        {
            await state.WriteStateAsync(); // write-ahead: from here on the movement can always be finished
        }

        await Drive();
        return ToResult();
    }

    public Task<MovementResult?> Get() => Task.FromResult(S.Exists ? ToResult() : null);

    public async Task Resume()
    {
        if (!S.Exists)
        {
            return;
        }

        if (S.Status == MovementStatus.Pending)
        {
            await Drive();
            return;
        }

        ReleaseLegs();
    }

    private async Task<MovementState> Plan(MovementRequest request)
    {
        var now = clock.GetUtcNow();
        var m = new MovementState();
        m.Exists = true;
        m.RequestHash = request.RequestHash;
        m.Kind = request.Kind;
        m.Status = MovementStatus.Pending;
        m.Amount = decimal.Round(request.Amount, 2);
        m.Channel = request.Channel;
        m.InitiatedBy = request.InitiatedBy;
        m.FromAccountId = request.FromAccountId;
        m.ToAccountId = request.ToAccountId;
        m.DeviceId = request.DeviceId;
        m.Ip = request.Ip;
        m.Country = request.Country;
        m.City = request.City;
        m.MerchantCategory = request.MerchantCategory;
        m.CreatedAt = now;

        var from = request.FromAccountId is { } f ? await LoadOwnedOrPayee(f, request.InitiatedBy, mustOwn: true) : null;
        var to = request.ToAccountId is { } t ? await LoadOwnedOrPayee(t, request.InitiatedBy, mustOwn: request.Kind is MovementKind.Deposit or MovementKind.LoanDisbursement or MovementKind.FundRedemption) : null;
        m.PayerCustomerId = from?.CustomerId;
        m.PayeeCustomerId = to?.CustomerId;
        m.Currency = request.Kind switch
        {
            MovementKind.Deposit or MovementKind.LoanDisbursement or MovementKind.FundRedemption => to!.Currency,
            MovementKind.Withdrawal or MovementKind.LoanRepayment or MovementKind.FundSubscription => from!.Currency,
            _ => request.Currency,
        };

        IReadOnlyList<PlannedLeg> legs;
        switch (request.Kind)
        {
            case MovementKind.Deposit:
                legs = MovementPlanner.Deposit(Id, to!, m.Amount);
                break;
            case MovementKind.Withdrawal:
                legs = MovementPlanner.Withdrawal(Id, from!, m.Amount);
                break;
            case MovementKind.LoanDisbursement:
                legs = MovementPlanner.LoanDisbursement(Id, to!, m.Amount);
                break;
            case MovementKind.LoanRepayment:
                legs = MovementPlanner.LoanRepayment(Id, from!, m.Amount);
                break;
            case MovementKind.FundSubscription:
                legs = MovementPlanner.FundSubscription(Id, from!, m.Amount);
                break;
            case MovementKind.FundRedemption:
                legs = MovementPlanner.FundRedemption(Id, to!, m.Amount);
                break;
            default:
                if (from!.Currency != request.Currency)
                {
                    m.Status = MovementStatus.Declined;
                    m.DeclineReason = DeclineReason.CurrencyMismatch;
                    m.CompletedAt = now;
                    return m;
                }

                FxQuote? quote = null;
                if (to!.Currency != from.Currency)
                {
                    quote = FxRates.Quote(fx.Value.CnyPerUnit, m.Amount, from.Currency, to.Currency);
                    if (quote.CreditedAmount <= 0)
                    {
                        throw new FinException(FinErrorCode.Validation, $"amount converts to less than 0.01 {to.Currency}.", "amount");
                    }

                    m.FxRate = quote.Rate;
                    m.FxCreditedAmount = quote.CreditedAmount;
                    m.FxCreditedCurrency = quote.CreditedCurrency;
                }

                legs = MovementPlanner.Payment(Id, from, to, m.Amount, quote);
                break;
        }

        m.Legs = [.. legs.Select(l => new LegRecord
        {
            AccountId = l.AccountId,
            Amount = l.Posting.Amount,
            Currency = l.Posting.Currency,
            Kind = l.Posting.Kind,
            Counterparty = l.Posting.CounterpartyAccountId,
            FxRate = l.Posting.FxRate,
            ExpectedOwner = l.Posting.ExpectedOwner,
            CountsTowardsDailyLimit = l.Posting.CountsTowardsDailyLimit,
        })];
        return m;
    }

    private async Task<AccountRef> LoadOwnedOrPayee(string accountId, string initiatedBy, bool mustOwn)
    {
        var view = await accounts.FindAsync(accountId);
        if (view is null || view.Kind != AccountKind.Customer)
        {
            throw FinException.NotFound("Account");
        }

        if (mustOwn && view.CustomerId != initiatedBy)
        {
            throw new FinException(FinErrorCode.Forbidden, "The account does not belong to the requester.");
        }

        return view;
    }

    private async Task Drive()
    {
        if (S.Status == MovementStatus.Pending)
        {
            await PostLegs();
        }

        await state.WriteStateAsync();
        ReleaseLegs();
        FinMetrics.Movements.Add(1, new("kind", S.Kind.ToString()), new("status", S.Status.ToString()));
        await PublishActivity();

        // A finished movement is only read again for a replay, which its stored state answers; millions of
        // movements a day must not stay in memory until idle collection.
        this.DeactivateOnIdle();
    }

    /// <summary>Posts the legs not yet applied; if one is declined, reverses those that were, and decides the outcome.</summary>
    private async Task PostLegs()
    {
        DeclineReason? declined = null;
        foreach (var leg in S.Legs.Where(l => !l.Applied))
        {
            var outcome = await GrainFactory.GetGrain<IAccountGrain>(leg.AccountId).Post(ToPosting(leg));
            if (!outcome.Applied)
            {
                declined = outcome.Decline;
                break;
            }

            leg.Applied = true;
            if (leg.AccountId == (S.Kind is MovementKind.Deposit or MovementKind.LoanDisbursement or MovementKind.FundRedemption ? S.ToAccountId : S.FromAccountId))
            {
                S.BalanceAfter = outcome.BalanceAfter;
            }
        }

        if (declined is not null)
        {
            foreach (var leg in S.Legs.Where(l => l.Applied && !l.Reversed).Reverse())
            {
                await GrainFactory.GetGrain<IAccountGrain>(leg.AccountId).Reverse(Id);
                leg.Reversed = true;
            }
        }

        Decide(declined is null ? MovementStatus.Completed : MovementStatus.Declined, declined, clock.GetUtcNow());
    }

    private void Decide(MovementStatus status, DeclineReason? reason, DateTimeOffset at)
    {
        S.Status = status;
        S.DeclineReason = reason;
        S.CompletedAt = at;
    }

    private void ReleaseLegs()
    {
        foreach (var leg in S.Legs.Where(l => l.Applied))
        {
            _ = GrainFactory.GetGrain<IAccountGrain>(leg.AccountId).Release(Id);
        }
    }

    private async Task PublishActivity()
    {
        if (S.Status == MovementStatus.ChallengeRequired)
        {
            return; // not an outcome yet: the risk grain saw the attempt inline
        }

        var at = S.CompletedAt ?? S.CreatedAt;
        var status = S.Status.ToString();
        try
        {
            switch (S.Kind)
            {
                case MovementKind.Deposit:
                    await Publish(S.PayeeCustomerId, ActivityKind.Deposit, S.ToAccountId, null, at, status);
                    break;
                case MovementKind.Withdrawal:
                    await Publish(S.PayerCustomerId, ActivityKind.Withdrawal, S.FromAccountId, null, at, status);
                    break;
                case MovementKind.LoanDisbursement or MovementKind.LoanRepayment or MovementKind.FundSubscription or MovementKind.FundRedemption:
                    break; // money between the bank and its own customer (loans, funds): not activity the fraud engine watches
                default:
                    await Publish(S.PayerCustomerId, ActivityKind.PaymentOut, S.FromAccountId, S.ToAccountId, at, status);
                    if (S.Status == MovementStatus.Completed)
                    {
                        await Publish(S.PayeeCustomerId, ActivityKind.PaymentIn, S.ToAccountId, S.FromAccountId, at, status);
                    }

                    break;
            }
        }
        catch (Exception ex)
        {
            // The money has moved and is recorded; a lost event must not turn a completed movement into an error.
            LogPublishFailed(logger, ex, Id);
        }
    }

    private Task Publish(string? customerId, ActivityKind kind, string? accountId, string? counterparty, DateTimeOffset at, string status)
    {
        if (customerId is null)
        {
            return Task.CompletedTask;
        }

        var amount = kind == ActivityKind.PaymentIn && S.FxCreditedAmount is { } credited ? credited : S.Amount;
        var currency = kind == ActivityKind.PaymentIn && S.FxCreditedCurrency is { } c ? c : S.Currency;
        return ActivityPublisher.Publish(this, new CustomerActivity(
            $"{Id}:{kind}", customerId, kind, at, amount, currency, accountId, counterparty, S.Channel,
            S.DeviceId, S.Ip, S.Country, S.City, S.MerchantCategory, status));
    }

    private Posting ToPosting(LegRecord leg) =>
        new(Id, leg.Amount, leg.Currency, leg.Kind, Id, leg.Counterparty, leg.FxRate, leg.ExpectedOwner, leg.CountsTowardsDailyLimit);

    private MovementResult ToResult()
    {
        FxQuote? quote = S.FxRate is { } rate ? new FxQuote(rate, S.FxCreditedAmount ?? 0, S.FxCreditedCurrency ?? "") : null;
        List<string> customers = [.. new[] { S.PayerCustomerId, S.PayeeCustomerId }.OfType<string>().Distinct()];
        return new MovementResult(
            Id, S.Kind, S.Status, S.DeclineReason, S.Amount, S.Currency, S.FromAccountId, S.ToAccountId, S.BalanceAfter,
            S.RiskLevel, S.RiskScore, [.. S.Reasons], quote, S.Channel, S.InitiatedBy, S.CreatedAt, customers);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity of movement {MovementId} could not be published")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string movementId);
}
