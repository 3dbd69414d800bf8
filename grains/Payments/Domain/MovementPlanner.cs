using Orleans.Fin.Accounts;

namespace Orleans.Fin.Payments.Domain;

/// <summary>One leg of a planned movement: what to post on which account.</summary>
public sealed record PlannedLeg(string AccountId, Posting Posting);

/// <summary>
/// Turns a movement into balanced legs (double entry): the customer's side is always matched by another customer
/// account or by the bank's settlement or FX position account in the same currency, so every currency sums to zero.
/// The customer debit, which may be declined, comes first; the customer credit, which cannot be, comes last.
/// </summary>
public static class MovementPlanner
{
    public static IReadOnlyList<PlannedLeg> Deposit(string id, AccountRef to, decimal amount)
    {
        var settlement = SystemAccounts.Settlement(to.Currency, id);
        return
        [
            Leg(settlement, id, -amount, to.Currency, EntryKind.Settlement, to.Id, null, null, false),
            Leg(to.Id, id, amount, to.Currency, EntryKind.Deposit, settlement, null, to.CustomerId, false),
        ];
    }

    public static IReadOnlyList<PlannedLeg> Withdrawal(string id, AccountRef from, decimal amount)
    {
        var settlement = SystemAccounts.Settlement(from.Currency, id);
        return
        [
            Leg(from.Id, id, -amount, from.Currency, EntryKind.Withdrawal, settlement, null, from.CustomerId, true),
            Leg(settlement, id, amount, from.Currency, EntryKind.Settlement, from.Id, null, null, false),
        ];
    }

    /// <summary>A loan paid out: the loan book (which may go negative: it is the bank's claim) funds the borrower's account.</summary>
    public static IReadOnlyList<PlannedLeg> LoanDisbursement(string id, AccountRef to, decimal amount)
    {
        var book = SystemAccounts.LoanBook(to.Currency, id);
        return
        [
            Leg(book, id, -amount, to.Currency, EntryKind.LoanDisbursement, to.Id, null, null, false),
            Leg(to.Id, id, amount, to.Currency, EntryKind.LoanDisbursement, book, null, to.CustomerId, false),
        ];
    }

    /// <summary>A repayment: the borrower's debit (which may be declined) first, the loan book's credit last.</summary>
    public static IReadOnlyList<PlannedLeg> LoanRepayment(string id, AccountRef from, decimal amount)
    {
        var book = SystemAccounts.LoanBook(from.Currency, id);
        return
        [
            Leg(from.Id, id, -amount, from.Currency, EntryKind.LoanRepayment, book, null, from.CustomerId, false),
            Leg(book, id, amount, from.Currency, EntryKind.LoanRepayment, from.Id, null, null, false),
        ];
    }

    /// <summary>A fund subscription: the investor's debit (which may be declined) first, the custody account's credit last.</summary>
    public static IReadOnlyList<PlannedLeg> FundSubscription(string id, AccountRef from, decimal amount)
    {
        var custody = SystemAccounts.FundCustody(from.Currency, id);
        return
        [
            Leg(from.Id, id, -amount, from.Currency, EntryKind.FundSubscription, custody, null, from.CustomerId, false),
            Leg(custody, id, amount, from.Currency, EntryKind.FundSubscription, from.Id, null, null, false),
        ];
    }

    /// <summary>Redemption proceeds: the custody account (the bank's side, which may go negative) pays the investor's account.</summary>
    public static IReadOnlyList<PlannedLeg> FundRedemption(string id, AccountRef to, decimal amount)
    {
        var custody = SystemAccounts.FundCustody(to.Currency, id);
        return
        [
            Leg(custody, id, -amount, to.Currency, EntryKind.FundRedemption, to.Id, null, null, false),
            Leg(to.Id, id, amount, to.Currency, EntryKind.FundRedemption, custody, null, to.CustomerId, false),
        ];
    }

    public static IReadOnlyList<PlannedLeg> Payment(string id, AccountRef from, AccountRef to, decimal amount, FxQuote? fx)
    {
        if (fx is null)
        {
            return
            [
                Leg(from.Id, id, -amount, from.Currency, EntryKind.PaymentOut, to.Id, null, from.CustomerId, true),
                Leg(to.Id, id, amount, to.Currency, EntryKind.PaymentIn, from.Id, null, null, false),
            ];
        }

        var fxFrom = SystemAccounts.FxPosition(from.Currency, id);
        var fxTo = SystemAccounts.FxPosition(to.Currency, id);
        return
        [
            Leg(from.Id, id, -amount, from.Currency, EntryKind.PaymentOut, to.Id, fx.Rate, from.CustomerId, true),
            Leg(fxFrom, id, amount, from.Currency, EntryKind.FxIn, from.Id, fx.Rate, null, false),
            Leg(fxTo, id, -fx.CreditedAmount, to.Currency, EntryKind.FxOut, to.Id, fx.Rate, null, false),
            Leg(to.Id, id, fx.CreditedAmount, to.Currency, EntryKind.PaymentIn, from.Id, fx.Rate, null, false),
        ];
    }

    private static PlannedLeg Leg(
        string accountId, string id, decimal amount, string currency, EntryKind kind, string? counterparty, decimal? rate,
        string? owner, bool countsTowardsLimit) =>
        new(accountId, new Posting(id, amount, currency, kind, id, counterparty, rate, owner, countsTowardsLimit));
}
