using Orleans.Fin.Models.Domain;

namespace Orleans.Fin.UnitTests.Models;

public sealed class CreditOutcomeLabelTests
{
    [Theory]
    [InlineData("NonPerforming", true)]
    [InlineData("Closed", false)]
    [InlineData("Active", null)]
    [InlineData("Overdue", null)]
    [InlineData("Approved", null)]
    [InlineData("Rejected", null)]
    public void Of_LoanStatus_LabelsOnlyRealisedOutcomes(string status, bool? defaulted) =>
        Assert.Equal(defaulted, CreditOutcomeLabel.Of(status));

    [Theory]
    [InlineData(null, true, true)]
    [InlineData(null, false, true)]
    [InlineData(false, true, true)] // a repaid label turned default (cannot happen in order, but a default wins)
    [InlineData(true, false, false)] // a default stays a default even if the loan is later repaid
    [InlineData(true, true, false)]
    [InlineData(false, false, false)]
    public void Replaces_ADefaultIsNeverRelabelled(bool? recorded, bool incoming, bool replaces) =>
        Assert.Equal(replaces, CreditOutcomeLabel.Replaces(recorded, incoming));
}
