using System.Net;
using System.Net.Http.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class AuthTests(FinNodeFixture fixture)
{
    private static readonly string[] CustomerRole = ["customer"];

    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task DevToken_ValidRequest_IssuesUsableToken()
    {
        var (id, _) = await _api.NewCustomerAsync();

        var response = await _api.Http.PostAsJsonAsync("/auth/dev-token", new { subject = id, roles = CustomerRole });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        var customer = await _api.GetJsonAsync($"/customers/{id}", body.Str("token"));
        Assert.Equal(id, customer.Str("id"));
    }

    [Fact]
    public async Task DevToken_MissingSubject_Is400()
    {
        var response = await _api.Http.PostAsJsonAsync("/auth/dev-token", new { roles = CustomerRole });

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("subject", out _));
    }

    [Theory]
    [InlineData("superuser")]
    [InlineData("Customer")]
    public async Task DevToken_UnknownRole_Is400(string role)
    {
        var response = await _api.Http.PostAsJsonAsync("/auth/dev-token", new { subject = "someone", roles = new[] { "customer", role } });

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("roles", out _));
    }

    [Fact]
    public async Task DevToken_NoRoles_Is400()
    {
        var response = await _api.Http.PostAsJsonAsync("/auth/dev-token", new { subject = "someone", roles = Array.Empty<string>() });

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("roles", out _));
    }

    [Fact]
    public async Task HandMadeToken_SignedWithNodeKey_IsAccepted()
    {
        // Control for the tests below: the hand-made token is valid when signed with the node's key.
        var (id, _) = await _api.NewCustomerAsync();

        var response = await _api.SendAsync(HttpMethod.Get, $"/customers/{id}", TestTokens.For(fixture, id, "customer"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_SignedWithAnotherKey_Is401()
    {
        var (id, _) = await _api.NewCustomerAsync();
        var forged = TestTokens.For(fixture, id, "customer", signingKey: "another-signing-key-of-at-least-32-bytes-0123456789");

        var response = await _api.SendAsync(HttpMethod.Get, $"/customers/{id}", forged);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Token_Expired_Is401()
    {
        // Expired beyond the 30 s clock skew; signed with the node's own key, so only the expiry is wrong.
        var (id, _) = await _api.NewCustomerAsync();
        var expired = TestTokens.For(fixture, id, "customer", expiresIn: TimeSpan.FromMinutes(-5));

        var response = await _api.SendAsync(HttpMethod.Get, $"/customers/{id}", expired);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }
}
