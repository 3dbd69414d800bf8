using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans.Fin.Api.Infrastructure;
using Orleans.Fin.Common;

namespace Orleans.Fin.Api.Endpoints;

/// <summary>
/// The risk console: a static page and its scripts, served anonymously because they hold no data. Everything the page
/// shows comes from this REST API with the staff token the user signs in with.
/// </summary>
public static class ConsoleEndpoints
{
    /// <summary>The page may load and call only this node; no inline script, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    public static IEndpointRouteBuilder MapConsoleEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/console").WithTags("Console").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/", GetConsolePage).WithName(nameof(GetConsolePage));
        group.MapGet("/{**file}", GetConsoleFile).WithName(nameof(GetConsoleFile));
        return routes;
    }

    public static Results<FileContentHttpResult, StatusCodeHttpResult> GetConsolePage(HttpContext context, ConsoleAssets assets) =>
        Serve(context, assets.Find(ConsoleAssets.Page) ?? throw FinException.NotFound("Console page"));

    public static Results<FileContentHttpResult, StatusCodeHttpResult> GetConsoleFile(string file, HttpContext context, ConsoleAssets assets) =>
        Serve(context, assets.Find(file) ?? throw FinException.NotFound("Console file"));

    private static Results<FileContentHttpResult, StatusCodeHttpResult> Serve(HttpContext context, ConsoleAsset asset)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.File(asset.Content, asset.ContentType);
    }
}
