using Orleans.Fin.Accounts;
using Orleans.Fin.Accounts.Domain;

namespace Orleans.Fin.UnitTests.Accounts;

public sealed class AccountLedgerCheckTests
{
    [Fact]
    public void Check_ActiveAccountWithFunds_AcceptsDebit() =>
        Assert.Null(AccountLedger.Check(Ledger.Customer(500m), Ledger.Debit(200m), Ledger.Day, Ledger.Limit));

    [Fact]
    public void Check_OtherCurrencyDebit_IsCurrencyMismatch() =>
        Assert.Equal(DeclineReason.CurrencyMismatch, AccountLedger.Check(Ledger.Customer(500m), Ledger.Debit(10m, currency: "USD"), Ledger.Day, Ledger.Limit));

    [Fact]
    public void Check_OtherCurrencyCredit_IsCurrencyMismatch() =>
        Assert.Equal(DeclineReason.CurrencyMismatch, AccountLedger.Check(Ledger.Customer(), Ledger.Credit(10m, currency: "USD"), Ledger.Day, Ledger.Limit));

    [Fact]
    public void Check_OtherCurrencyOnSystemAccount_IsCurrencyMismatch() =>
        Assert.Equal(DeclineReason.CurrencyMismatch, AccountLedger.Check(Ledger.Bank(), Ledger.Debit(10m, counts: false, currency: "EUR"), Ledger.Day, Ledger.Limit));

    [Fact]
    public void Check_ClosedAccountDebit_IsAccountClosed() =>
        Assert.Equal(DeclineReason.AccountClosed, AccountLedger.Check(Ledger.Customer(500m, AccountStatus.Closed), Ledger.Debit(10m), Ledger.Day, Ledger.Limit));

    [Fact]
    public void Check_ClosedAccountCredit_IsAccountClosed() =>
        Assert.Equal(DeclineReason.AccountClosed, AccountLedger.Check(Ledger.Customer(500m, AccountStatus.Closed), Ledger.Credit(10m), Ledger.Day, Ledger.Limit));

    [Fact]
    public void Check_FrozenAccountDebit_IsAccountFrozen() =>
        Assert.Equal(DeclineReason.AccountFrozen, AccountLedger.Check(Ledger.Customer(500m, AccountStatus.Frozen), Ledger.Debit(10m), Ledger.Day, Ledger.Limit));

    [Fact]
    public void Check_FrozenAccountDebitNotCountingTowardsLimit_IsAccountFrozen() =>
        Assert.Equal(DeclineReason.AccountFrozen, AccountLedger.Check(Ledger.Customer(500m, AccountStatus.Frozen), Ledger.Debit(10m, counts: false), Ledger.Day, Ledger.Limit));

    [Fact]
    public void Check_FrozenAccountCredit_IsAccepted() =>
        Assert.Null(AccountLedger.Check(Ledger.Customer(0m, AccountStatus.Frozen), Ledger.Credit(10m), Ledger.Day, Ledger.Limit));

    [Fact]
    public void Check_DebitOfWholeBalance_IsAccepted() =>
        Assert.Null(AccountLedger.Check(Ledger.Customer(100m), Ledger.Debit(100m), Ledger.Day, Ledger.Limit));

    [Fact]
    public void Check_DebitOneCentMoreThanBalance_IsInsufficientFunds() =>
        Assert.Equal(DeclineReason.InsufficientFunds, AccountLedger.Check(Ledger.Customer(100m), Ledger.Debit(100.01m), Ledger.Day, Ledger.Limit));

    [Fact]
    public void Check_DebitOnEmptyAccount_IsInsufficientFunds() =>
        Assert.Equal(DeclineReason.InsufficientFunds, AccountLedger.Check(Ledger.Customer(), Ledger.Debit(0.01m, counts: false), Ledger.Day, Ledger.Limit));

    [Fact]
    public void Check_DebitAboveBalanceAndLimit_IsInsufficientFunds() =>
        Assert.Equal(DeclineReason.InsufficientFunds, AccountLedger.Check(Ledger.Customer(100m), Ledger.Debit(5_000m), Ledger.Day, Ledger.Limit));

    [Fact]
    public void Check_DebitReachingTheLimitExactly_IsAccepted()
    {
        var account = Ledger.Customer(5_000m);
        Ledger.Post(account, Ledger.Debit(600m, "pay_1"));

        Assert.Null(AccountLedger.Check(account, Ledger.Debit(400m, "pay_2"), Ledger.Day, Ledger.Limit));
    }

    [Fact]
    public void Check_DebitOneCentAboveTheLimit_IsLimitExceeded()
    {
        var account = Ledger.Customer(5_000m);
        Ledger.Post(account, Ledger.Debit(600m, "pay_1"));

        Assert.Equal(DeclineReason.LimitExceeded, AccountLedger.Check(account, Ledger.Debit(400.01m, "pay_2"), Ledger.Day, Ledger.Limit));
    }

    [Fact]
    public void Check_SingleDebitAboveTheLimit_IsLimitExceeded() =>
        Assert.Equal(DeclineReason.LimitExceeded, AccountLedger.Check(Ledger.Customer(5_000m), Ledger.Debit(1_000.01m), Ledger.Day, Ledger.Limit));

    [Fact]
    public void Check_DebitNotCountingTowardsLimit_IgnoresTheLimit() =>
        Assert.Null(AccountLedger.Check(Ledger.Customer(5_000m), Ledger.Debit(3_000m, counts: false), Ledger.Day, Ledger.Limit));

    [Fact]
    public void Check_NewBusinessDay_StartsWithNoSpending()
    {
        var account = Ledger.Customer(5_000m);
        Ledger.Post(account, Ledger.Debit(1_000m, "pay_1"));
        Assert.Equal(DeclineReason.LimitExceeded, AccountLedger.Check(account, Ledger.Debit(0.01m, "pay_2"), Ledger.Day, Ledger.Limit));

        Assert.Null(AccountLedger.Check(account, Ledger.Debit(1_000m, "pay_2"), Ledger.Day.AddDays(1), Ledger.Limit));
    }

    [Fact]
    public void Check_ZeroLimit_RefusesAnyCountedDebit() =>
        Assert.Equal(DeclineReason.LimitExceeded, AccountLedger.Check(Ledger.Customer(100m), Ledger.Debit(0.01m), Ledger.Day, 0m));

    [Theory]
    [InlineData(AccountKind.Settlement)]
    [InlineData(AccountKind.FxPosition)]
    public void Check_SystemAccountDebitBeyondBalance_IsAccepted(AccountKind kind) =>
        Assert.Null(AccountLedger.Check(Ledger.Bank(kind), Ledger.Debit(1_000_000m), Ledger.Day, Ledger.Limit));
}
