using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Payments.Domain;

namespace Orleans.Fin.Payments;

/// <summary>Planning: the accounts a request touches, who may move money from them, and the legs to post.</summary>
public sealed partial class MoneyMovementGrain
{
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
}
