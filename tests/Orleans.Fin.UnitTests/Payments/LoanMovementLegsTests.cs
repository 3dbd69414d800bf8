using Orleans.Fin.Accounts;
using Orleans.Fin.Payments.Domain;

namespace Orleans.Fin.UnitTests.Payments;

public sealed class LoanMovementLegsTests
{
    [Fact]
    public void LoanDisbursement_FromTheLoanBookToTheBorrower_Balanced()
    {
        var to = Movements.Account("cus_1");

        var legs = MovementPlanner.LoanDisbursement("loan_X.disbursement", to, 800m);

        Assert.Equal(2, legs.Count);
        Assert.Equal((AccountKind.LoanBook, "CNY"), SystemAccounts.Parse(legs[0].AccountId));
        Assert.Equal(-800m, legs[0].Posting.Amount);
        Assert.Equal(to.Id, legs[1].AccountId);
        Assert.Equal(EntryKind.LoanDisbursement, legs[1].Posting.Kind);
        Assert.All(Movements.SumPerCurrency(legs).Values, sum => Assert.Equal(0m, sum));
    }

    [Fact]
    public void LoanRepayment_BorrowerDebitFirstIntoTheLoanBook_Balanced()
    {
        var from = Movements.Account("cus_1");

        var legs = MovementPlanner.LoanRepayment("lrp_X", from, 105.5m);

        Assert.Equal(from.Id, legs[0].AccountId);
        Assert.Equal(-105.5m, legs[0].Posting.Amount);
        Assert.Equal("cus_1", legs[0].Posting.ExpectedOwner);
        Assert.False(legs[0].Posting.CountsTowardsDailyLimit);
        Assert.Equal((AccountKind.LoanBook, "CNY"), SystemAccounts.Parse(legs[1].AccountId));
        Assert.All(Movements.SumPerCurrency(legs).Values, sum => Assert.Equal(0m, sum));
    }
}
