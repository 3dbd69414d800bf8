using System.Net;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class AccountTests(FinNodeFixture fixture)
{
    private readonly FinApiClient _api = fixture.Api;

    [Theory]
    [InlineData("CNY")]
    [InlineData("USD")]
    [InlineData("EUR")]
    [InlineData("HKD")]
    public async Task OpenAccount_Self_Is201ActiveWithZeroBalance(string currency)
    {
        var (customerId, token) = await _api.NewCustomerAsync();

        var response = await _api.SendAsync(HttpMethod.Post, "/accounts", token, new { customerId, currency });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var account = await response.ReadJsonAsync();
        var id = account.Str("id");
        Assert.StartsWith("acc_", id, StringComparison.Ordinal);
        Assert.Equal($"/accounts/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(customerId, account.Str("customerId"));
        Assert.Equal(currency, account.Str("currency"));
        Assert.Equal(0m, account.GetProperty("balance").GetDecimal());
        Assert.Equal("Active", account.Str("status"));
        var customer = await _api.GetJsonAsync($"/customers/{customerId}", token);
        Assert.Contains(id, customer.GetProperty("accountIds").EnumerateArray().Select(a => a.GetString()));
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("cny")]
    [InlineData("")]
    public async Task OpenAccount_UnsupportedCurrency_Is400(string currency)
    {
        var (customerId, token) = await _api.NewCustomerAsync();

        var response = await _api.SendAsync(HttpMethod.Post, "/accounts", token, new { customerId, currency });

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("currency", out _));
    }

    [Fact]
    public async Task OpenAccount_ForAnotherCustomer_Is403()
    {
        var (other, _) = await _api.NewCustomerAsync();
        var (_, token) = await _api.NewCustomerAsync();

        var response = await _api.SendAsync(HttpMethod.Post, "/accounts", token, new { customerId = other, currency = "CNY" });

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        var customer = await _api.GetJsonAsync($"/customers/{other}", fixture.OperatorToken);
        Assert.Equal(0, customer.GetProperty("accountIds").GetArrayLength());
    }

    [Fact]
    public async Task OpenAccount_ByOperator_Is201ForTheCustomer()
    {
        var (customerId, token) = await _api.NewCustomerAsync();

        var response = await _api.SendAsync(HttpMethod.Post, "/accounts", fixture.OperatorToken, new { customerId, currency = "EUR" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var account = await response.ReadJsonAsync();
        Assert.Equal(customerId, account.Str("customerId"));
        Assert.Equal("Active", (await _api.GetJsonAsync($"/accounts/{account.Str("id")}", token)).Str("status"));
    }

    [Fact]
    public async Task OpenAccount_UnknownCustomer_Is404()
    {
        var response = await _api.SendAsync(HttpMethod.Post, "/accounts", fixture.OperatorToken, new { customerId = ApiSteps.UnknownCustomerId, currency = "CNY" });

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task GetAccount_Own_Is200WithAllFields()
    {
        var holder = await _api.FundedAccountAsync(125.50m);

        var account = await _api.GetJsonAsync($"/accounts/{holder.AccountId}", holder.Token);

        Assert.Equal(holder.AccountId, account.Str("id"));
        Assert.Equal(holder.CustomerId, account.Str("customerId"));
        Assert.Equal("CNY", account.Str("currency"));
        Assert.Equal(125.50m, account.GetProperty("balance").GetDecimal());
        Assert.Equal(125.50m, account.GetProperty("availableBalance").GetDecimal());
        Assert.Equal("Active", account.Str("status"));
    }

    [Fact]
    public async Task GetAccount_AnotherCustomers_Is403()
    {
        var owner = await _api.FundedAccountAsync(0m);
        var (_, token) = await _api.NewCustomerAsync();

        var response = await _api.SendAsync(HttpMethod.Get, $"/accounts/{owner.AccountId}", token);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("operator")]
    [InlineData("risk-officer")]
    [InlineData("admin")]
    public async Task GetAccount_Staff_Is200(string role)
    {
        var owner = await _api.FundedAccountAsync(10m);
        var token = await _api.TokenAsync($"{role}-9", role);

        var account = await _api.GetJsonAsync($"/accounts/{owner.AccountId}", token);

        Assert.Equal(10m, account.GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task GetAccount_Unknown_Is404()
    {
        var (_, token) = await _api.NewCustomerAsync();

        var response = await _api.SendAsync(HttpMethod.Get, $"/accounts/{ApiSteps.UnknownAccountId}", token);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task GetAccount_SystemAccountAsCustomer_Is404()
    {
        var (_, token) = await _api.NewCustomerAsync();

        var response = await _api.SendAsync(HttpMethod.Get, "/accounts/sys_settlement_CNY_00", token);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task GetEntries_SystemAccountAsCustomer_Is404()
    {
        var (_, token) = await _api.NewCustomerAsync();

        var response = await _api.SendAsync(HttpMethod.Get, "/accounts/sys_settlement_CNY_00/entries", token);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task GetAccount_SystemAccountAsStaff_Is200()
    {
        var account = await _api.GetJsonAsync("/accounts/sys_settlement_CNY_00", fixture.AdminToken);

        Assert.Equal("CNY", account.Str("currency"));
    }

    [Fact]
    public async Task GetAccount_NonexistentSystemAccountAsStaff_Is404()
    {
        var response = await _api.SendAsync(HttpMethod.Get, "/accounts/sys_settlement_XYZ_99", fixture.AdminToken);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task GetEntries_AnotherCustomers_Is403()
    {
        var owner = await _api.FundedAccountAsync(5m);
        var (_, token) = await _api.NewCustomerAsync();

        var response = await _api.SendAsync(HttpMethod.Get, $"/accounts/{owner.AccountId}/entries", token);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }
}
