using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

/// <summary>Refusals made by middleware (routing, method, content type, body size, authentication, authorization) are problem+json too, whatever Accept says.</summary>
[Collection(ApiCollection.Name)]
public sealed class RefusalShapeTests(FinNodeFixture fixture)
{
    private readonly FinApiClient _api = fixture.Api;

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    [InlineData("image/png")]
    public async Task ValidationError_WithNonJsonAccept_IsProblemJsonNot500(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/customers")
        {
            Content = new StringContent("{\"name\":\"\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd(accept);

        using var response = await _api.Http.SendAsync(request);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task NoToken_WithTextAccept_Is401ProblemJson()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/accounts/{ApiSteps.UnknownAccountId}");
        request.Headers.Accept.ParseAdd("text/plain");

        using var response = await _api.Http.SendAsync(request);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task WrongRole_FromAuthorizationPolicy_Is403ProblemJson()
    {
        var (_, token) = await _api.NewCustomerAsync();

        using var response = await _api.SendAsync(HttpMethod.Get, "/risk/alerts", token);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task WrongMethod_Is405ProblemJson()
    {
        using var response = await _api.SendAsync(HttpMethod.Delete, "/customers", fixture.OperatorToken);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }

    [Fact]
    public async Task UnknownRoute_Is404ProblemJson()
    {
        using var response = await _api.SendAsync(HttpMethod.Get, "/no/such/thing", fixture.OperatorToken);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task WrongContentType_Is415ProblemJson(string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/customers")
        {
            Content = new StringContent("name=x", Encoding.UTF8, contentType),
        };

        using var response = await _api.Http.SendAsync(request);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task AnonymousOnboarding_LargeBody_Is413AndCreatesNothing()
    {
        var name = new string('a', 5000);
        var idNumber = TestData.IdNumber();
        var json = $"{{\"name\":\"{name}\",\"idNumber\":\"{idNumber}\",\"phone\":\"{TestData.Phone()}\",\"deviceId\":\"d\"}}";

        using var response = await _api.SendTextAsync(HttpMethod.Post, "/customers", null, json, null);
        using var retry = await _api.Http.PostAsync(
            new Uri("/customers", UriKind.Relative),
            new StringContent($"{{\"name\":\"Short\",\"idNumber\":\"{idNumber}\",\"phone\":\"{TestData.Phone()}\",\"deviceId\":\"d\"}}", Encoding.UTF8, "application/json"));

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode); // the refused request claimed no identity
    }

    [Fact]
    public async Task ChunkedBodyOverLimit_Is413()
    {
        var (customerId, token) = await _api.NewCustomerAsync();
        var body = $"{{\"reason\":\"{new string('r', 70_000)}\"}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/customers/{customerId}/logins")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body))),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await _api.Http.SendAsync(request);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Theory]
    [InlineData("Li\\u0000Lei")]
    [InlineData("bell\\u0007")]
    [InlineData("new\\nline")]
    public async Task Onboarding_NameWithControlCharacter_Is400(string escapedName)
    {
        var json = $"{{\"name\":\"{escapedName}\",\"idNumber\":\"{TestData.IdNumber()}\",\"phone\":\"{TestData.Phone()}\",\"deviceId\":\"d\"}}";

        using var response = await _api.SendTextAsync(HttpMethod.Post, "/customers", null, json, null);

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Onboarding_DeviceIdWithNul_Is400()
    {
        var json = $"{{\"name\":\"A\",\"idNumber\":\"{TestData.IdNumber()}\",\"phone\":\"{TestData.Phone()}\",\"deviceId\":\"dev\\u0000ice\"}}";

        using var response = await _api.SendTextAsync(HttpMethod.Post, "/customers", null, json, null);

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("deviceId", out _));
    }

    [Theory]
    [InlineData("price")]
    [InlineData("income")]
    [InlineData("assets")]
    public async Task LoanApplication_TinyPositiveFigure_Is400Not500(string field)
    {
        var holder = await _api.FundedAccountAsync(0m);
        var application = LoanSteps.Steady(holder, 4000m);
        application[field] = 1e-28m;

        using var response = await _api.ApplyResponseAsync(holder.Token, application);

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [InlineData(2147483647)]
    [InlineData(3661)]
    public async Task AdvanceClock_HugeDays_Is400AndClockUnchanged(int days)
    {
        var before = (await _api.GetJsonAsync("/ops/clock", fixture.OperatorToken)).GetProperty("now").GetDateTimeOffset();

        using var response = await _api.SendAsync(HttpMethod.Post, "/ops/clock/advance", fixture.OperatorToken, new { days });

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        var after = (await _api.GetJsonAsync("/ops/clock", fixture.OperatorToken)).GetProperty("now").GetDateTimeOffset();
        Assert.InRange(after - before, TimeSpan.Zero, TimeSpan.FromHours(1));
    }
}
