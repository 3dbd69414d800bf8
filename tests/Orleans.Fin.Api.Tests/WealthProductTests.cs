using System.Net;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class WealthProductTests(FinNodeFixture fixture)
{
    private static readonly string[] Grades = ["R1", "R2", "R3", "R4", "R5"];

    [Fact]
    public async Task ListProducts_AsCustomer_ReturnsEightGradedProductsWithPositiveNavs()
    {
        var (_, token) = await fixture.Api.NewCustomerAsync();

        var products = (await fixture.Api.GetJsonAsync("/products", token)).EnumerateArray().ToList();

        Assert.Equal(8, products.Count);
        Assert.Equal(8, products.Select(p => p.Str("id")).Distinct(StringComparer.Ordinal).Count());
        Assert.All(products, p => Assert.Contains(p.Str("riskGrade"), Grades));
        Assert.Equal(Grades, products.Select(p => p.Str("riskGrade")).Distinct().Order(StringComparer.Ordinal));
        Assert.All(products, p => Assert.True(p.Dec("nav") > 0, $"{p.Str("id")} nav {p.Dec("nav")}"));
        Assert.All(products, p => Assert.False(string.IsNullOrWhiteSpace(p.Str("name"))));
    }

    [Fact]
    public async Task GetNavHistory_TenDays_ReturnsAscendingPositiveNavsEndingAtTodaysNav()
    {
        var (_, token) = await fixture.Api.NewCustomerAsync();
        var products = await fixture.Api.GetJsonAsync("/products", token);
        var bond = products.EnumerateArray().Single(p => p.Str("id") == "BND-01");

        var history = (await fixture.Api.GetJsonAsync("/products/BND-01/navs?days=10", token)).EnumerateArray().ToList();

        Assert.Equal(10, history.Count);
        var dates = history.Select(h => DateOnly.Parse(h.Str("date"), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.Order(), dates);
        Assert.Equal(dates.Count, dates.Distinct().Count());
        Assert.All(history, h => Assert.True(h.Dec("nav") > 0));
        Assert.Equal(bond.Dec("nav"), history[^1].Dec("nav"));
    }

    [Fact]
    public async Task GetNavHistory_UnknownProduct_Is404()
    {
        var (_, token) = await fixture.Api.NewCustomerAsync();

        var response = await fixture.Api.SendAsync(HttpMethod.Get, "/products/NOPE-99/navs", token);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(2_601)]
    public async Task GetNavHistory_DaysOutOfRange_Is400(int days)
    {
        var (_, token) = await fixture.Api.NewCustomerAsync();

        var response = await fixture.Api.SendAsync(HttpMethod.Get, $"/products/MMF-01/navs?days={days}", token);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
    }
}
