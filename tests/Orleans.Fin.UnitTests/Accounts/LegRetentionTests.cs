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
        Assert.Empty(account.InFlight);
        Assert.Equal(Ledger.At.AddSeconds(1), Assert.Single(account.Settled).At);
        Assert.Equal(["pay_1"], account.Settled[0].Ids);
    }

    [Fact]
    public void Settle_UnknownOrRepeatedRelease_KeepsOneRecord()
    {
        var account = Ledger.Customer(100m);
        Ledger.Post(account, Ledger.Debit(10m, "pay_1"));
        LegRetention.Settle(account, ["pay_1", "pay_unknown"], Ledger.At);

        LegRetention.Settle(account, ["pay_1"], Ledger.At.AddSeconds(1));

        Assert.Equal(["pay_1"], Assert.Single(account.Settled).Ids);
        Assert.False(LegRetention.Knows(account, "pay_unknown"));
    }

    [Fact]
    public void Upgrade_SchemaOneState_MovesSettledLegsInTheOrderTheySettled()
    {
        var account = Ledger.Customer(100m);
        Ledger.Post(account, Ledger.Debit(10m, "pay_late"));
        Ledger.Post(account, Ledger.Debit(10m, "pay_early"));
        Ledger.Post(account, Ledger.Debit(10m, "pay_open"));
        account.SchemaVersion = 1;
        account.InFlight["pay_late"].Settled = true;
        account.InFlight["pay_late"].SettledAt = Ledger.At.AddSeconds(2);
        account.InFlight["pay_early"].Settled = true;
        account.InFlight["pay_early"].SettledAt = Ledger.At.AddSeconds(1);

        LegRetention.Upgrade(account);

        Assert.Equal(Ledger.At.AddSeconds(1), Assert.Single(account.Settled).At);
        Assert.Equal(["pay_early", "pay_late"], account.Settled[0].Ids);
        Assert.Equal(["pay_open"], account.InFlight.Keys);
        Assert.Equal(2, account.SchemaVersion);
        Assert.True(LegRetention.Knows(account, "pay_late"));
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
        Assert.Equal(512, LegRetention.SettledCount(account));
        Assert.Empty(account.InFlight);
    }

    [Fact]
    public void Settle_LegsSettledApart_StartANewBatchAndExpireByTheirBatch()
    {
        var account = Ledger.Customer(100m);
        Ledger.Post(account, Ledger.Debit(10m, "pay_1"));
        Ledger.Post(account, Ledger.Debit(10m, "pay_2"));
        Ledger.Post(account, Ledger.Debit(10m, "pay_3"));
        LegRetention.Settle(account, ["pay_1"], Ledger.At);
        LegRetention.Settle(account, ["pay_2"], Ledger.At.AddSeconds(9));
        LegRetention.Settle(account, ["pay_3"], Ledger.At.AddSeconds(10));

        Assert.Equal(2, account.Settled.Count);
        Assert.Equal(["pay_1", "pay_2"], account.Settled[0].Ids);

        // pay_2 settled 9 s after its batch began: the batch is kept until pay_2's own retention is over.
        LegRetention.Settle(account, [], Ledger.At.AddSeconds(9).AddMinutes(10));
        Assert.True(LegRetention.Knows(account, "pay_2"));
        LegRetention.Settle(account, [], Ledger.At.AddSeconds(11).AddMinutes(10));
        Assert.False(LegRetention.Knows(account, "pay_1"));
        Assert.False(LegRetention.Knows(account, "pay_2"));
        Assert.True(LegRetention.Knows(account, "pay_3"));
    }

    [Fact]
    public void Settle_CopySettlingMore_LeavesTheOriginalsBatches()
    {
        var account = Ledger.Customer(100m);
        Ledger.Post(account, Ledger.Debit(10m, "pay_1"));
        Ledger.Post(account, Ledger.Debit(10m, "pay_2"));
        LegRetention.Settle(account, ["pay_1"], Ledger.At);

        var copy = account.Copy();
        LegRetention.Settle(copy, ["pay_2"], Ledger.At.AddSeconds(1));

        Assert.Equal(["pay_1"], Assert.Single(account.Settled).Ids);
        Assert.True(account.InFlight.ContainsKey("pay_2"));
        Assert.Equal(["pay_1", "pay_2"], Assert.Single(copy.Settled).Ids);
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
        Assert.Empty(account.Settled);
        Assert.False(account.InFlight.ContainsKey("pay_2"));
        Assert.Equal(80m, copy.Balance);
    }
}
