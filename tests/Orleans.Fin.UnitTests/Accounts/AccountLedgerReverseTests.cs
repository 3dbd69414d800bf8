using Orleans.Fin.Accounts;
using Orleans.Fin.Accounts.Domain;

namespace Orleans.Fin.UnitTests.Accounts;

public sealed class AccountLedgerReverseTests
{
    private static readonly DateTimeOffset Later = Ledger.At.AddMinutes(1);

    [Fact]
    public void Reverse_AppliedDebit_AppendsOppositeReversalEntry()
    {
        var account = Ledger.Customer(500m);
        Ledger.Post(account, Ledger.Debit(200m, "pay_1"));

        Assert.True(AccountLedger.Reverse(account, "pay_1", Later));

        var reversal = account.Recent[^1];
        Assert.Equal(2, reversal.Sequence);
        Assert.Equal(200m, reversal.Amount);
        Assert.Equal(EntryKind.Reversal, reversal.Kind);
        Assert.Equal("pay_1", reversal.Reference);
        Assert.Equal(Later, reversal.At);
        Assert.Equal(500m, reversal.BalanceAfter);
    }

    [Fact]
    public void Reverse_AppliedDebit_RestoresBalanceAndSpending()
    {
        var account = Ledger.Customer(500m);
        Ledger.Post(account, Ledger.Debit(100m, "pay_1"));
        Ledger.Post(account, Ledger.Debit(200m, "pay_2"));

        AccountLedger.Reverse(account, "pay_2", Later);

        Assert.Equal(400m, account.Balance);
        Assert.Equal(100m, account.SpentToday);
        Assert.True(account.InFlight["pay_2"].Reversed);
    }

    [Fact]
    public void Reverse_AppliedCredit_TakesTheMoneyBack()
    {
        var account = Ledger.Customer(10m);
        Ledger.Post(account, Ledger.Credit(90m, "pay_1"));

        AccountLedger.Reverse(account, "pay_1", Later);

        Assert.Equal(10m, account.Balance);
        Assert.Equal(-90m, account.Recent[^1].Amount);
        Assert.Equal(0m, account.SpentToday);
    }

    [Fact]
    public void Reverse_SecondTime_IsNoOpReturningFalse()
    {
        var account = Ledger.Customer(500m);
        Ledger.Post(account, Ledger.Debit(200m, "pay_1"));
        AccountLedger.Reverse(account, "pay_1", Later);

        var again = AccountLedger.Reverse(account, "pay_1", Later);

        Assert.False(again);
        Assert.Equal(500m, account.Balance);
        Assert.Equal(2, account.Recent.Count);
        Assert.Equal(0m, account.SpentToday);
    }

    [Fact]
    public void Reverse_UnknownTransfer_ReturnsFalseAndChangesNothing()
    {
        var account = Ledger.Customer(500m);
        Ledger.Post(account, Ledger.Debit(200m, "pay_1"));

        Assert.False(AccountLedger.Reverse(account, "pay_unknown", Later));
        Assert.Equal(300m, account.Balance);
        Assert.Single(account.Recent);
        Assert.Equal(2, account.NextSequence);
    }

    [Fact]
    public void Reverse_DebitOfAnEarlierBusinessDay_LeavesTodaysSpending()
    {
        var account = Ledger.Customer(1_000m);
        Ledger.Post(account, Ledger.Debit(300m, "pay_1"));
        var tomorrow = Ledger.Day.AddDays(1);
        Ledger.Post(account, Ledger.Debit(50m, "pay_2"), tomorrow);

        AccountLedger.Reverse(account, "pay_1", Later.AddDays(1));

        Assert.Equal(950m, account.Balance);
        Assert.Equal(50m, AccountLedger.SpentOn(account, tomorrow));
    }

    [Fact]
    public void Reverse_CountedDebit_FreesTheLimitAgain()
    {
        var account = Ledger.Customer(5_000m);
        Ledger.Post(account, Ledger.Debit(Ledger.Limit, "pay_1"));
        Assert.Equal(DeclineReason.LimitExceeded, AccountLedger.Check(account, Ledger.Debit(1m, "pay_2"), Ledger.Day, Ledger.Limit));

        AccountLedger.Reverse(account, "pay_1", Later);

        Assert.Null(AccountLedger.Check(account, Ledger.Debit(Ledger.Limit, "pay_2"), Ledger.Day, Ledger.Limit));
    }
}
