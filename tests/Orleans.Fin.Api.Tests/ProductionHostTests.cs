using System.Net;
using System.Net.Http.Headers;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

/// <summary>A node in Production with its secrets: no token minting, no code peek, /metrics and the dashboard for staff only.</summary>
public sealed class ProductionHostTests : IAsyncLifetime
{
    private const string SigningKey = "production-test-signing-key-0123456789abcdef";

    private static readonly Dictionary<string, string?> Secrets = new()
    {
        ["Jwt:SigningKey"] = SigningKey,
        ["Security:IdentityPepper"] = "production-test-identity-pepper-0123456789",
        ["Security:IdempotencySecret"] = "production-test-idempotency-secret-012345",
    };

    private readonly FinNode _node = new(Secrets, "Production");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task DevToken_OutsideDevelopment_DoesNotExist()
    {
        using var client = _node.CreateClient();

        using var response = await client.PostAsync(new Uri("/auth/dev-token", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("customer", HttpStatusCode.Forbidden)]
    [InlineData("operator", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task Metrics_OutsideDevelopment_IsForStaffOnly(string? role, HttpStatusCode expected)
    {
        using var client = _node.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (role is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(role));
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (role is null)
        {
            await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        }
    }

    [Theory]
    [InlineData("operator")]
    [InlineData("admin")]
    public async Task OtpPeek_OutsideDevelopment_DoesNotExistEvenForStaff(string role)
    {
        using var client = _node.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/customers/cus_00000000000000000000000000/otp");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(role));

        using var response = await client.SendAsync(request);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task DevToken_OutsideDevelopment_WithTextAccept_IsProblemJsonNotAStackTrace()
    {
        using var client = _node.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/dev-token")
        {
            Content = new StringContent("{\"subject\":\"x\",\"roles\":[\"admin\"]}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("text/plain");

        using var response = await client.SendAsync(request);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    private static string Token(string role)
    {
        var now = DateTimeOffset.UtcNow;
        return TestTokens.Sign(SigningKey, "orleans-fin", "orleans-fin-api", "someone", role, now, now.AddMinutes(5));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("customer", HttpStatusCode.Forbidden)]
    [InlineData("operator", HttpStatusCode.OK)]
    [InlineData("risk-officer", HttpStatusCode.OK)]
    public async Task Dashboard_OutsideDevelopment_IsForStaffOnly(string? role, HttpStatusCode expected)
    {
        using var client = _node.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        if (role is not null)
        {
            var now = DateTimeOffset.UtcNow;
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Bearer", TestTokens.Sign(SigningKey, "orleans-fin", "orleans-fin-api", "someone", role, now, now.AddMinutes(5)));
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public void Start_OutsideDevelopmentWithoutSecrets_IsRefused()
    {
        using var node = new FinNode(null, "Production");

        var error = Assert.ThrowsAny<Exception>(() => node.CreateClient());

        Assert.Contains("SigningKey", error.ToString(), StringComparison.Ordinal);
    }
}
