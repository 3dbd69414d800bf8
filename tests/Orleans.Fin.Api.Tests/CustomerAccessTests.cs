using System.Net;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class CustomerAccessTests(FinNodeFixture fixture)
{
    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task GetCustomer_Own_Is200()
    {
        var (id, token) = await _api.NewCustomerAsync();

        var customer = await _api.GetJsonAsync($"/customers/{id}", token);

        Assert.Equal(id, customer.Str("id"));
        Assert.Equal("Verified", customer.Str("kycStatus"));
        Assert.Equal("Low", customer.Str("riskLevel"));
        Assert.True(customer.TryGetProperty("creditScore", out _));
    }

    [Fact]
    public async Task GetCustomer_AnotherCustomers_Is403()
    {
        var (other, _) = await _api.NewCustomerAsync();
        var (_, token) = await _api.NewCustomerAsync();

        var response = await _api.SendAsync(HttpMethod.Get, $"/customers/{other}", token);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("operator")]
    [InlineData("risk-officer")]
    [InlineData("admin")]
    public async Task GetCustomer_Staff_Is200(string role)
    {
        var (id, _) = await _api.NewCustomerAsync();
        var token = await _api.TokenAsync($"{role}-7", role);

        var customer = await _api.GetJsonAsync($"/customers/{id}", token);

        Assert.Equal(id, customer.Str("id"));
    }

    [Fact]
    public async Task GetCustomer_Unknown_Is404()
    {
        var response = await _api.SendAsync(HttpMethod.Get, $"/customers/{ApiSteps.UnknownCustomerId}", fixture.OperatorToken);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task GetCustomer_MalformedId_Is404ToStaff()
    {
        var response = await _api.SendAsync(HttpMethod.Get, "/customers/not-an-id", fixture.OperatorToken);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task GetCustomer_NoToken_Is401()
    {
        var (id, _) = await _api.NewCustomerAsync();

        var response = await _api.SendAsync(HttpMethod.Get, $"/customers/{id}", token: null);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task GetCustomer_GarbageToken_Is401()
    {
        var (id, _) = await _api.NewCustomerAsync();

        var response = await _api.SendAsync(HttpMethod.Get, $"/customers/{id}", "not.a.token");

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task BindDevice_OwnSecondDevice_IsChallengedNotBound()
    {
        var (id, token) = await _api.NewCustomerAsync();

        var response = await _api.SendAsync(HttpMethod.Post, $"/customers/{id}/devices", token, new { deviceId = "phone-2" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var devices = (await _api.GetJsonAsync($"/customers/{id}", token)).GetProperty("boundDevices").EnumerateArray().Select(d => d.GetString()).ToList();
        Assert.DoesNotContain("phone-2", devices);
        Assert.Contains("device-1", devices);
    }

    [Fact]
    public async Task BindDevice_AnotherCustomers_Is403()
    {
        var (other, _) = await _api.NewCustomerAsync();
        var (_, token) = await _api.NewCustomerAsync();

        var response = await _api.SendAsync(HttpMethod.Post, $"/customers/{other}/devices", token, new { deviceId = "phone-2" });

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task BindDevice_MissingDeviceId_Is400()
    {
        var (id, token) = await _api.NewCustomerAsync();

        var response = await _api.SendAsync(HttpMethod.Post, $"/customers/{id}/devices", token, new { deviceId = "" });

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("deviceId", out _));
    }

    [Fact]
    public async Task RecordLogin_Own_Is202()
    {
        var (id, token) = await _api.NewCustomerAsync();

        var response = await _api.SendAsync(HttpMethod.Post, $"/customers/{id}/logins", token,
            new { deviceId = "device-1", ip = "203.0.113.7", country = "CN", city = "Shanghai" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("999.1.1.1")]
    [InlineData("not-an-ip")]
    [InlineData("")]
    public async Task RecordLogin_InvalidIp_Is400(string ip)
    {
        var (id, token) = await _api.NewCustomerAsync();

        var response = await _api.SendAsync(HttpMethod.Post, $"/customers/{id}/logins", token,
            new { deviceId = "device-1", ip, country = "CN", city = "Shanghai" });

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("ip", out _));
    }
}
