using Orleans.Fin.Credit.Domain;

namespace Orleans.Fin.UnitTests.Credit;

public sealed class CreditDataCleaningTests
{
    private const string Good = "\"good\",9,\"rent\",60,30,\"married\",\"no\",\"freelance\",73,129,0,0,800,846";

    [Fact]
    public void Clean_EmbeddedFile_ReportsTheKnownCounts()
    {
        var report = CreditSamples.Data.Report;

        Assert.Equal(3340, report.Rows);
        Assert.Equal(3340, report.ValidRows);
        Assert.Equal(1.0, report.ValidShare);
        Assert.Equal(940, report.Defaults);
        Assert.Equal(0, report.MalformedRows);
        Assert.Equal(280, report.MissingPerColumn["Income"]);
        Assert.Equal(36, report.MissingPerColumn["Assets"]);
        Assert.Equal(14, report.MissingPerColumn["Debt"]);
        Assert.Equal(4, report.MissingPerColumn["Home"]);
        Assert.Equal(1, report.MissingPerColumn["Job"]);
        Assert.Equal(1, report.MissingPerColumn["Marital"]);
        Assert.Empty(report.SentinelsPerColumn);
        Assert.Empty(report.UnknownCategoriesPerColumn);
    }

    [Fact]
    public void Clean_EmbeddedFile_CompleteRowsAreThoseWithNothingMissing()
    {
        var data = CreditSamples.Data;
        var complete = data.Records.Count(r => r.Application is { Income: not null, Assets: not null, Debt: not null, Home: not null, Job: not null, MaritalStatus: not null });

        Assert.Equal(complete, data.Report.CompleteRows);
        Assert.InRange(data.Report.CompleteShare, 0.90, 0.92);
    }

    [Fact]
    public void Clean_GoodRow_KeepsEveryValueInItsUnits()
    {
        var record = Assert.Single(CreditDataCleaning.Clean(CreditSamples.Parse(Good)).Records);

        Assert.False(record.Defaulted);
        Assert.Equal(new CreditApplication(9, "rent", 60, 30, "married", false, "freelance", 73m, 129m, 0m, 0m, 800m, 846m), record.Application);
    }

    [Fact]
    public void Clean_SentinelIncome_BecomesMissingAndIsCounted()
    {
        var result = CreditDataCleaning.Clean(CreditSamples.Parse(Good.Replace(",129,", ",99999999,", StringComparison.Ordinal)));

        Assert.Null(Assert.Single(result.Records).Application.Income);
        Assert.Equal(1, result.Report.SentinelsPerColumn["Income"]);
        Assert.Equal(1, result.Report.OutOfRangePerColumn["Income"]);
        Assert.Equal(1, result.Report.ValidRows);
        Assert.Equal(0, result.Report.CompleteRows);
    }

    [Fact]
    public void Clean_MissingIncome_StaysMissingAndTheRowValid()
    {
        var result = CreditDataCleaning.Clean(CreditSamples.Parse(Good.Replace(",129,", ",,", StringComparison.Ordinal)));

        Assert.Null(Assert.Single(result.Records).Application.Income);
        Assert.Equal(1, result.Report.MissingPerColumn["Income"]);
    }

    [Fact]
    public void Clean_UnknownCategory_BecomesUnknownAndIsCounted()
    {
        var result = CreditDataCleaning.Clean(CreditSamples.Parse(Good.Replace("\"rent\"", "\"boat\"", StringComparison.Ordinal)));

        Assert.Null(Assert.Single(result.Records).Application.Home);
        Assert.Equal(1, result.Report.UnknownCategoriesPerColumn["Home"]);
    }

    [Theory]
    [InlineData("\"good\"", "\"maybe\"", "Status")]
    [InlineData(",30,\"married\"", ",12,\"married\"", "Age")]
    [InlineData(",30,\"married\"", ",,\"married\"", "Age")]
    [InlineData("\"no\"", "\"perhaps\"", "Records")]
    [InlineData(",800,846", ",99999999,846", "Amount")]
    [InlineData(",60,30,", ",6.5,30,", "Time")]
    public void Clean_BadRequiredValue_DropsTheRowAndNamesTheColumn(string from, string to, string column)
    {
        var result = CreditDataCleaning.Clean(CreditSamples.Parse(Good, Good.Replace(from, to, StringComparison.Ordinal)));

        Assert.Single(result.Records);
        Assert.Equal(0.5, result.Report.ValidShare);
        Assert.Equal(1, result.Report.InvalidReasons[column]);
    }

    [Fact]
    public void Clean_RowWithTooFewFields_IsMalformed()
    {
        var result = CreditDataCleaning.Clean(CreditSamples.Parse(Good, "\"good\",9,\"rent\""));

        Assert.Equal(1, result.Report.MalformedRows);
        Assert.Equal(1, result.Report.ValidRows);
    }

    [Fact]
    public void Clean_MissingColumn_Throws()
    {
        Assert.Throws<FormatException>(() => CreditDataCleaning.Clean(CreditCsv.Parse("Status,Age\ngood,30\n")));
    }
}
