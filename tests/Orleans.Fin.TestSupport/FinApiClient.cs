using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Orleans.Fin.TestSupport;

/// <summary>The REST API as a client sees it, with the steps most tests need (onboard, open, deposit, pay).</summary>
public sealed class FinApiClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    /// <summary>Waits until the node answers /health/ready with 200 (its silo is active), or throws after a minute.</summary>
    public async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The node did not become ready: {response.StatusCode}.");
            }

            await Task.Delay(200);
        }
    }

    public async Task<string> TokenAsync(string subject, params string[] roles)
    {
        var response = await Http.PostAsJsonAsync("/auth/dev-token", new { subject, roles });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>Onboards a new adult customer; returns its id and a customer token.</summary>
    public async Task<(string CustomerId, string Token)> NewCustomerAsync(string? deviceId = "device-1")
    {
        var response = await Http.PostAsJsonAsync("/customers", new
        {
            name = "Test Customer",
            idNumber = TestData.IdNumber(),
            phone = TestData.Phone(),
            deviceId,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return (id, await TokenAsync(id, "customer"));
    }

    public async Task<string> OpenAccountAsync(string token, string customerId, string currency = "CNY")
    {
        var response = await SendAsync(HttpMethod.Post, "/accounts", token, new { customerId, currency });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> DepositAsync(string token, string accountId, decimal amount, string? key = null)
    {
        var response = await SendAsync(HttpMethod.Post, $"/accounts/{accountId}/deposits", token, new { amount, channel = "bank-transfer" }, key ?? Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<HttpResponseMessage> PayAsync(string token, string from, string to, decimal amount, string currency = "CNY", string? key = null, string deviceId = "device-1") =>
        SendAsync(HttpMethod.Post, "/payments", token, new { fromAccountId = from, toAccountId = to, amount, currency, channel = "app", deviceId }, key ?? Guid.NewGuid().ToString("N"));

    public async Task<JsonElement> GetJsonAsync(string path, string token)
    {
        var response = await SendAsync(HttpMethod.Get, path, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<decimal> BalanceAsync(string accountId, string token) =>
        (await GetJsonAsync($"/accounts/{accountId}", token)).GetProperty("balance").GetDecimal();

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return Http.SendAsync(request);
    }

    /// <summary>Reads a problem+json response and checks its status and type.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string typeSuffix)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.EndsWith("/" + typeSuffix, problem.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }
}
