using Orleans.Fin.Accounts;
using Orleans.Fin.Accounts.Domain;

namespace Orleans.Fin.UnitTests.Accounts;

public sealed class LegRetentionTests
{
    [Fact]
    public void Settle_ReleasedLeg_IsKeptAndStillKnown()
    {
        var account = Ledger.Customer(100m);
        Ledger.Post(account, Ledger.Debit(10m, "pay_1"));

        LegRetention.Settle(account, ["pay_1"], Ledger.At.AddSeconds(1));

        Assert.True(LegRetention.Knows(account, "pay_1"));
        Assert.True(account.InFlight["pay_1"].Settled);
        Assert.Equal(Ledger.At.AddSeconds(1), account.InFlight["pay_1"].SettledAt);
    }

    [Fact]
    public void Settle_AfterRetentionWindow_ForgetsSettledButNotInFlightLegs()
    {
        var account = Ledger.Customer(100m);
        Ledger.Post(account, Ledger.Debit(10m, "pay_1"));
        Ledger.Post(account, Ledger.Debit(10m, "pay_2"));
        LegRetention.Settle(account, ["pay_1"], Ledger.At);

        LegRetention.Settle(account, [], Ledger.At.AddMinutes(11));

        Assert.False(LegRetention.Knows(account, "pay_1"));
        Assert.True(LegRetention.Knows(account, "pay_2"));
    }

    [Fact]
    public void Settle_BeyondCap_ForgetsTheOldestSettled()
    {
        var account = Ledger.Bank();
        for (var i = 0; i <= LegRetention.MaxSettled; i++)
        {
            var id = $"pay_{i}";
            Ledger.Post(account, Ledger.Credit(1m, id));
            LegRetention.Settle(account, [id], Ledger.At.AddMilliseconds(i));
        }

        Assert.False(LegRetention.Knows(account, "pay_0"));
        Assert.True(LegRetention.Knows(account, "pay_1"));
        Assert.Equal(512, account.InFlight.Count);
    }

    [Fact]
    public void Stale_UnsettledLegPastGrace_IsListed()
    {
        var account = Ledger.Customer(100m);
        Ledger.Post(account, Ledger.Debit(10m, "pay_old"));
        Ledger.Post(account, Ledger.Debit(10m, "pay_settled"));
        LegRetention.Settle(account, ["pay_settled"], Ledger.At);
        Ledger.Post(account, Ledger.Debit(10m, "pay_new"), at: Ledger.At.AddSeconds(5));

        Assert.Equal(["pay_old"], LegRetention.Stale(account, Ledger.At.AddSeconds(10)));
    }

    [Fact]
    public void Copy_ChangingTheCopy_LeavesTheOriginal()
    {
        var account = Ledger.Customer(100m);
        Ledger.Post(account, Ledger.Debit(10m, "pay_1"));

        var copy = account.Copy();
        Ledger.Post(copy, Ledger.Debit(20m, "pay_2"));
        AccountLedger.Reverse(copy, "pay_1", Ledger.At);
        LegRetention.Settle(copy, ["pay_1"], Ledger.At);

        Assert.Equal(90m, account.Balance);
        Assert.Single(account.Recent);
        Assert.False(account.InFlight["pay_1"].Reversed);
        Assert.False(account.InFlight["pay_1"].Settled);
        Assert.False(account.InFlight.ContainsKey("pay_2"));
        Assert.Equal(80m, copy.Balance);
    }
}
