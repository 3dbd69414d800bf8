using Orleans.Fin.Accounts;

namespace Orleans.Fin.UnitTests.Accounts;

public sealed class SystemAccountsTests
{
    [Theory]
    [InlineData("CNY")]
    [InlineData("USD")]
    public void Parse_SettlementAccount_RoundTrips(string currency)
    {
        var id = SystemAccounts.Settlement(currency, "pay_01ARZ3NDEKTSV4RRFFQ69G5FAV");

        Assert.Equal((AccountKind.Settlement, currency), SystemAccounts.Parse(id));
        Assert.True(SystemAccounts.IsSystem(id));
    }

    [Theory]
    [InlineData("EUR")]
    [InlineData("HKD")]
    public void Parse_FxPositionAccount_RoundTrips(string currency)
    {
        var id = SystemAccounts.FxPosition(currency, "pay_01ARZ3NDEKTSV4RRFFQ69G5FAV");

        Assert.Equal((AccountKind.FxPosition, currency), SystemAccounts.Parse(id));
        Assert.True(SystemAccounts.IsSystem(id));
    }

    [Theory]
    [InlineData("CNY")]
    [InlineData("USD")]
    public void Parse_LoanBookAccount_RoundTrips(string currency)
    {
        var id = SystemAccounts.LoanBook(currency, "loan_01ARZ3NDEKTSV4RRFFQ69G5FAV.disbursement");

        Assert.Equal((AccountKind.LoanBook, currency), SystemAccounts.Parse(id));
        Assert.StartsWith($"sys_loans_{currency}_", id, StringComparison.Ordinal);
    }

    [Fact]
    public void All_OneCurrency_ListsEveryShardOfEveryKindAndEachParses()
    {
        var ids = SystemAccounts.All("CNY").ToList();

        Assert.Equal(4 * SystemAccounts.Shards, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Equal("CNY", SystemAccounts.Parse(id)?.Currency));
        Assert.Contains("sys_settlement_CNY_07", ids);
    }

    [Fact]
    public void Settlement_SameTransfer_IsTheSameShardAndListedInAll()
    {
        var id = SystemAccounts.Settlement("CNY", "dep_X");

        Assert.Equal(id, SystemAccounts.Settlement("CNY", "dep_X"));
        Assert.Contains(id, SystemAccounts.All("CNY"));
    }

    [Fact]
    public void Settlement_ManyTransfers_SpreadOverSeveralShards()
    {
        var shards = Enumerable.Range(0, 200).Select(i => SystemAccounts.Settlement("CNY", $"pay_{i}")).Distinct(StringComparer.Ordinal).Count();

        Assert.True(shards > SystemAccounts.Shards / 2, $"only {shards} shards used");
    }

    [Theory]
    [InlineData("acc_01ARZ3NDEKTSV4RRFFQ69G5FAV")]
    [InlineData("sys_other_CNY_01")]
    [InlineData("sys_settlement_CNY")]
    [InlineData("xyz_settlement_CNY_01")]
    public void Parse_NotASystemAccount_IsNull(string id) => Assert.Null(SystemAccounts.Parse(id));
}
