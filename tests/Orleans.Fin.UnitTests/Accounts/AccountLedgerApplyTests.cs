using Orleans.Fin.Accounts;
using Orleans.Fin.Accounts.Domain;

namespace Orleans.Fin.UnitTests.Accounts;

public sealed class AccountLedgerApplyTests
{
    [Fact]
    public void Apply_Credit_RaisesBalanceAndRecordsEntry()
    {
        var account = Ledger.Customer();
        var posting = new Posting("pay_1", 120.50m, "CNY", EntryKind.FxIn, "pay_1", "acc_payer", 7.105m, null, false);

        var entry = AccountLedger.Apply(account, posting, Ledger.At, Ledger.Day);

        Assert.Equal(120.50m, account.Balance);
        Assert.Equal(1, entry.Sequence);
        Assert.Equal(120.50m, entry.Amount);
        Assert.Equal(120.50m, entry.BalanceAfter);
        Assert.Equal(EntryKind.FxIn, entry.Kind);
        Assert.Equal("pay_1", entry.Reference);
        Assert.Equal("acc_payer", entry.Counterparty);
        Assert.Equal(7.105m, entry.FxRate);
        Assert.Equal(Ledger.At, entry.At);
        Assert.Equal(entry, Assert.Single(account.Recent), EntryRecordComparer.Instance);
    }

    [Fact]
    public void Apply_Debit_LowersBalance()
    {
        var account = Ledger.Customer(300m);

        var entry = Ledger.Post(account, Ledger.Debit(120m));

        Assert.Equal(180m, account.Balance);
        Assert.Equal(-120m, entry.Amount);
        Assert.Equal(180m, entry.BalanceAfter);
    }

    [Fact]
    public void Apply_ManyPostings_NumbersEntriesOneToNWithoutGaps()
    {
        var account = Ledger.Customer();
        for (var i = 1; i <= 25; i++)
        {
            Ledger.Post(account, i % 3 == 0 ? Ledger.Debit(1m, $"pay_{i}", counts: false) : Ledger.Credit(2m, $"pay_{i}"));
        }

        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), account.Recent.Select(e => e.Sequence));
        Assert.Equal(26, account.NextSequence);
    }

    [Fact]
    public void Apply_ManyPostings_BalanceAfterIsTheRunningBalance()
    {
        var account = Ledger.Customer();
        decimal[] amounts = [100m, -30m, 45.55m, -0.55m, -15m];
        for (var i = 0; i < amounts.Length; i++)
        {
            Ledger.Post(account, amounts[i] > 0 ? Ledger.Credit(amounts[i], $"pay_{i}") : Ledger.Debit(-amounts[i], $"pay_{i}"));
        }

        Assert.Equal([100m, 70m, 115.55m, 115m, 100m], account.Recent.Select(e => e.BalanceAfter));
        Assert.Equal(100m, account.Balance);
    }

    [Fact]
    public void Apply_CountedDebit_RecordsInFlightLegCountedTowardsLimit()
    {
        var account = Ledger.Customer(500m);

        Ledger.Post(account, Ledger.Debit(200m, "pay_1"));

        var leg = account.InFlight["pay_1"];
        Assert.Equal(-200m, leg.Amount);
        Assert.Equal(Ledger.At, leg.PostedAt);
        Assert.Equal(Ledger.Day, leg.Day);
        Assert.True(leg.CountedTowardsLimit);
        Assert.False(leg.Reversed);
    }

    [Fact]
    public void Apply_Credit_RecordsInFlightLegNotCounted()
    {
        var account = Ledger.Customer();

        Ledger.Post(account, Ledger.Credit(50m, "pay_1"));

        var leg = account.InFlight["pay_1"];
        Assert.Equal(50m, leg.Amount);
        Assert.False(leg.CountedTowardsLimit);
    }

    [Fact]
    public void Apply_CountedDebits_AddUpSpentToday()
    {
        var account = Ledger.Customer(1_000m);

        Ledger.Post(account, Ledger.Debit(200m, "pay_1"));
        Ledger.Post(account, Ledger.Debit(50.25m, "pay_2"));

        Assert.Equal(250.25m, account.SpentToday);
        Assert.Equal(Ledger.Day, account.SpendingDay);
        Assert.Equal(250.25m, AccountLedger.SpentOn(account, Ledger.Day));
    }

    [Fact]
    public void Apply_DebitNotCountingOrCredit_LeavesSpentTodayUnchanged()
    {
        var account = Ledger.Customer(1_000m);

        Ledger.Post(account, Ledger.Debit(200m, "pay_1", counts: false));
        Ledger.Post(account, new Posting("pay_2", 10m, "CNY", EntryKind.PaymentIn, "pay_2", null, null, null, CountsTowardsDailyLimit: true));

        Assert.Equal(0m, account.SpentToday);
    }

    [Fact]
    public void Apply_CountedDebitOnNewBusinessDay_RestartsSpending()
    {
        var account = Ledger.Customer(1_000m);
        Ledger.Post(account, Ledger.Debit(300m, "pay_1"));

        Ledger.Post(account, Ledger.Debit(40m, "pay_2"), Ledger.Day.AddDays(1));

        Assert.Equal(40m, account.SpentToday);
        Assert.Equal(Ledger.Day.AddDays(1), account.SpendingDay);
        Assert.Equal(0m, AccountLedger.SpentOn(account, Ledger.Day.AddDays(2)));
    }

    [Fact]
    public void Apply_SystemAccountDebit_GoesNegative()
    {
        var account = Ledger.Bank();

        var entry = Ledger.Post(account, Ledger.Debit(250m, counts: false));

        Assert.Equal(-250m, account.Balance);
        Assert.Equal(-250m, entry.BalanceAfter);
    }
}
