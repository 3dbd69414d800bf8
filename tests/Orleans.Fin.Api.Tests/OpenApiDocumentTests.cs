using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

/// <summary>The OpenAPI document tells the truth about refusals, security and idempotency; the docs UI stays on the machine.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class OpenApiDocumentTests(FinNodeFixture fixture)
{
    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task Document_EveryOperation_ListsProblemResponses()
    {
        var document = await _api.GetJsonAsync("/openapi/v1.json", fixture.OperatorToken);

        Assert.Equal("Orleans.Fin API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        foreach (var (method, path, operation) in Operations(document))
        {
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("400", out var bad), $"{method} {path} lists no 400");
            Assert.Contains("ProblemDetails", bad.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("description").GetString()), $"{method} {path} has no description");
        }
    }

    [Theory]
    [InlineData("post", "/payments")]
    [InlineData("post", "/accounts/{id}/deposits")]
    [InlineData("post", "/accounts/{id}/withdrawals")]
    [InlineData("post", "/loans/{id}/repayments")]
    public async Task Document_MoneyMovingPost_RequiresIdempotencyKeyAndBearer(string method, string path)
    {
        var document = await _api.GetJsonAsync("/openapi/v1.json", fixture.OperatorToken);
        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);

        var key = operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.Equal("header", key.GetProperty("in").GetString());
        Assert.True(key.GetProperty("required").GetBoolean());
        Assert.True(operation.GetProperty("security").GetArrayLength() > 0);
        foreach (var status in new[] { "401", "403", "409", "422" })
        {
            Assert.True(operation.GetProperty("responses").TryGetProperty(status, out _), $"{method} {path} lists no {status}");
        }
    }

    [Fact]
    public async Task Document_AnonymousOnboarding_ListsRateLimitNotBearer()
    {
        var document = await _api.GetJsonAsync("/openapi/v1.json", fixture.OperatorToken);
        var operation = document.GetProperty("paths").GetProperty("/customers").GetProperty("post");

        Assert.True(operation.GetProperty("responses").TryGetProperty("429", out _));
        Assert.False(operation.TryGetProperty("security", out _));
    }

    [Fact]
    public async Task DocsUi_NamesTheApiAndLoadsNothingFromOffTheMachine()
    {
        using var response = await _api.Http.GetAsync(new Uri("/docs", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Orleans.Fin API", html, StringComparison.Ordinal);
        Assert.Empty(ExternalReference().Matches(html));
    }

    private static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                yield return (method.Name, path.Name, method.Value);
            }
        }
    }

    // A script, stylesheet, font or image fetched from another host.
    [GeneratedRegex(@"(src|href)\s*=\s*[""']?(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
