using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Fin.Api.Infrastructure;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

/// <summary>The risk console's files are served by the node itself, anonymously (they hold no data), and load nothing from elsewhere.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class ConsoleServingTests(FinNodeFixture fixture)
{
    private readonly FinApiClient _api = fixture.Api;

    [Theory]
    [InlineData("/console")]
    [InlineData("/console/")]
    public async Task GetConsole_Anonymous_ServesThePageWithAStrictPolicy(string path)
    {
        using var response = await _api.SendAsync(HttpMethod.Get, path, token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
            Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("""<script type="module" src="/console/app.js"></script>""", html, StringComparison.Ordinal);
        Assert.Contains("""<link rel="stylesheet" href="/console/console.css">""", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryConsoleFile_IsServedWithItsTypeAndReferencesNothingOutsideTheNode()
    {
        var names = fixture.Node.Services.GetRequiredService<ConsoleAssets>().Names;
        Assert.Contains("app.js", names);
        Assert.Contains("views/case.js", names);

        foreach (var name in names)
        {
            using var response = await _api.SendAsync(HttpMethod.Get, $"/console/{name}", token: null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var expected = Path.GetExtension(name) switch { ".js" => "text/javascript", ".css" => "text/css", ".html" => "text/html", _ => "image/svg+xml" };
            Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            // The one absolute URL allowed is the SVG namespace name, which is an identifier and never fetched.
            Assert.All(AbsoluteUrl().Matches(text), m => Assert.Equal("http://www.w3.org/2000/svg", m.Value));
            Assert.All(ImportSpecifier().Matches(text), m => Assert.StartsWith(".", m.Groups[1].Value, StringComparison.Ordinal));
            Assert.DoesNotContain("innerHTML", text, StringComparison.Ordinal);
            Assert.DoesNotContain("localStorage", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task GetConsoleFile_SameETag_Is304()
    {
        using var first = await _api.SendAsync(HttpMethod.Get, "/console/app.js", token: null);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/app.js");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        using var second = await _api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Theory]
    [InlineData("/console/nope.js")]
    [InlineData("/console/../appsettings.json")]
    [InlineData("/console/views/../../Program.cs")]
    public async Task GetConsoleFile_Unknown_Is404Problem(string path)
    {
        using var response = await _api.SendAsync(HttpMethod.Get, path, token: null);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [GeneratedRegex(@"https?://[^\s'""`)]+")]
    private static partial Regex AbsoluteUrl();

    [GeneratedRegex(@"\bfrom\s+'([^']+)'")]
    private static partial Regex ImportSpecifier();
}
