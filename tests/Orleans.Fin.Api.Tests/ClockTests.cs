using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ClockTests(FinNodeFixture fixture)
{
    [Fact]
    public async Task Advance_AsOperator_MovesBusinessTimeForward()
    {
        var before = await fixture.Api.GetJsonAsync("/ops/clock", fixture.OperatorToken);

        var response = await fixture.Api.SendAsync(HttpMethod.Post, "/ops/clock/advance", fixture.OperatorToken, new { days = 2 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(before.GetProperty("simulated").GetBoolean());
        var moved = after.GetProperty("now").GetDateTimeOffset() - before.GetProperty("now").GetDateTimeOffset();
        Assert.InRange(moved, TimeSpan.FromDays(2), TimeSpan.FromDays(2).Add(TimeSpan.FromMinutes(1)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100000)]
    public async Task Advance_OutOfRangeDays_Is400(int days)
    {
        var response = await fixture.Api.SendAsync(HttpMethod.Post, "/ops/clock/advance", fixture.AdminToken, new { days });

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Advance_AsCustomerOrRiskOfficer_Is403()
    {
        var (_, customerToken) = await fixture.Api.NewCustomerAsync();

        var asCustomer = await fixture.Api.SendAsync(HttpMethod.Post, "/ops/clock/advance", customerToken, new { days = 1 });
        var asRiskOfficer = await fixture.Api.SendAsync(HttpMethod.Post, "/ops/clock/advance", fixture.RiskOfficerToken, new { days = 1 });

        await FinApiClient.AssertProblemAsync(asCustomer, HttpStatusCode.Forbidden, "forbidden");
        await FinApiClient.AssertProblemAsync(asRiskOfficer, HttpStatusCode.Forbidden, "forbidden");
    }
}
