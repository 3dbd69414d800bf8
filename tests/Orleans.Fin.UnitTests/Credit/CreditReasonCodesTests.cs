using Orleans.Fin.Credit.Domain;

namespace Orleans.Fin.UnitTests.Credit;

public sealed class CreditReasonCodesTests
{
    [Theory]
    [InlineData("Records", CreditReasonCodes.PastDefaultRecords)]
    [InlineData("Seniority", CreditReasonCodes.ShortEmployment)]
    [InlineData("DebtToAssets", CreditReasonCodes.HighDebtToAssets)]
    [InlineData("IncomeMarginToAmount", CreditReasonCodes.LowIncomeMargin)]
    [InlineData("LogAssets", CreditReasonCodes.LowAssets)]
    [InlineData("Home.rent", CreditReasonCodes.HousingStatus)]
    [InlineData("Job.partime", CreditReasonCodes.EmploymentType)]
    public void ForSlot_FeatureOrOneHotSlot_IsTheFeaturesCode(string slot, string code)
    {
        Assert.Equal(code, CreditReasonCodes.ForSlot(slot));
    }

    [Fact]
    public void ForSlot_EveryModelColumn_HasACode()
    {
        foreach (var column in CreditFeatures.NumericColumns.Concat(CreditFeatures.CategoricalColumns))
        {
            Assert.False(string.IsNullOrEmpty(CreditReasonCodes.ForSlot(column)));
        }
    }

    [Fact]
    public void ForSlot_UnknownFeature_Throws()
    {
        Assert.Throws<ArgumentException>(() => CreditReasonCodes.ForSlot("ShoeSize"));
    }

    [Fact]
    public void Top_Contributions_SumsSharedCodesDropsNegativesAndOrdersLargestFirst()
    {
        string[] codes = ["LOW_ASSETS", "LOW_ASSETS", "PAST_DEFAULT_RECORDS", "LONG_TERM", "SHORT_EMPLOYMENT"];
        float[] contributions = [0.3f, 0.3f, 0.5f, -0.9f, 0.1f];

        var top = CreditReasonCodes.Top(codes, contributions, 4);

        Assert.Equal(["LOW_ASSETS", "PAST_DEFAULT_RECORDS", "SHORT_EMPLOYMENT"], top);
    }

    [Fact]
    public void Top_MoreCodesThanAsked_KeepsTheLargest()
    {
        var top = CreditReasonCodes.Top(["A", "B", "C"], [0.1f, 0.3f, 0.2f], 2);

        Assert.Equal(["B", "C"], top);
    }

    [Fact]
    public void Top_AgeAndMaritalStatusPushPdUp_AreNeverReasons()
    {
        var top = CreditReasonCodes.Top(
            [CreditReasonCodes.ApplicantAge, CreditReasonCodes.MaritalStatus, "LOW_INCOME"], [0.9f, 0.8f, 0.1f], 4);

        Assert.Equal(["LOW_INCOME"], top);
    }

    [Fact]
    public void Top_MismatchedLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => CreditReasonCodes.Top(["A"], [0.1f, 0.2f], 2));
    }
}
