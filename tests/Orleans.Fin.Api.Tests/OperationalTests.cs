using System.Net;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class OperationalTests(FinNodeFixture fixture)
{
    private readonly FinApiClient _api = fixture.Api;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_Anonymous_Is200(string path)
    {
        var response = await _api.SendAsync(HttpMethod.Get, path, token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_Anonymous_DescribesPayments()
    {
        var response = await _api.SendAsync(HttpMethod.Get, "/openapi/v1.json", token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"/payments\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/accounts/{id}/entries\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AfterAPayment_ExportFinMovements()
    {
        var payer = await _api.FundedAccountAsync(10m);
        var payee = await _api.FundedAccountAsync(0m);
        Assert.Equal(HttpStatusCode.Created, (await _api.PayAsync(payer.Token, payer.AccountId, payee.AccountId, 1m)).StatusCode);

        // The Prometheus exporter caches a scrape briefly; ask again until the cache has turned over.
        var text = "";
        for (var attempt = 0; attempt < 20 && !text.Contains("fin_movements", StringComparison.Ordinal); attempt++)
        {
            var response = await _api.SendAsync(HttpMethod.Get, "/metrics", token: null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
            await Task.Delay(100);
        }

        Assert.Contains("fin_movements", text, StringComparison.Ordinal);
        Assert.Contains("status=\"Completed\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_InDevelopment_Is200()
    {
        var response = await _api.SendAsync(HttpMethod.Get, "/dashboard", token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnknownRoute_Is404ProblemJson()
    {
        var response = await _api.SendAsync(HttpMethod.Get, "/no/such/route", token: null);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Docs_Anonymous_Is200()
    {
        var response = await _api.SendAsync(HttpMethod.Get, "/docs", token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
