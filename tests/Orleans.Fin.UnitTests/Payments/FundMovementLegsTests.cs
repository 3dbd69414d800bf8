using Orleans.Fin.Accounts;
using Orleans.Fin.Payments.Domain;

namespace Orleans.Fin.UnitTests.Payments;

public sealed class FundMovementLegsTests
{
    [Fact]
    public void FundSubscription_InvestorDebitFirstIntoCustody_Balanced()
    {
        var from = Movements.Account("cus_1");

        var legs = MovementPlanner.FundSubscription("sub_X", from, 2_500.25m);

        Assert.Equal(from.Id, legs[0].AccountId);
        Assert.Equal(-2_500.25m, legs[0].Posting.Amount);
        Assert.Equal("cus_1", legs[0].Posting.ExpectedOwner);
        Assert.False(legs[0].Posting.CountsTowardsDailyLimit);
        Assert.Equal(EntryKind.FundSubscription, legs[0].Posting.Kind);
        Assert.Equal((AccountKind.FundCustody, "CNY"), SystemAccounts.Parse(legs[1].AccountId));
        Assert.All(Movements.SumPerCurrency(legs).Values, sum => Assert.Equal(0m, sum));
    }

    [Fact]
    public void FundRedemption_FromCustodyToTheInvestor_Balanced()
    {
        var to = Movements.Account("cus_1");

        var legs = MovementPlanner.FundRedemption("rdm_X", to, 99.99m);

        Assert.Equal((AccountKind.FundCustody, "CNY"), SystemAccounts.Parse(legs[0].AccountId));
        Assert.Equal(-99.99m, legs[0].Posting.Amount);
        Assert.Equal(to.Id, legs[1].AccountId);
        Assert.Equal(99.99m, legs[1].Posting.Amount);
        Assert.Equal(EntryKind.FundRedemption, legs[1].Posting.Kind);
        Assert.All(Movements.SumPerCurrency(legs).Values, sum => Assert.Equal(0m, sum));
    }

    [Fact]
    public void FundCustody_SameTransfer_SameShardListedInAll()
    {
        var id = SystemAccounts.FundCustody("CNY", "sub_X");

        Assert.Equal(id, SystemAccounts.FundCustody("CNY", "sub_X"));
        Assert.StartsWith("sys_funds_CNY_", id, StringComparison.Ordinal);
        Assert.Contains(id, SystemAccounts.All("CNY"));
    }
}
