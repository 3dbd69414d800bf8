using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Orleans.Fin.Common;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Orleans.Fin.Api.Infrastructure;

/// <summary>Turns every exception into RFC 9457 problem details; never writes a stack trace.</summary>
public sealed partial class FinExceptionHandler(IProblemDetailsService problems, ILogger<FinExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = IsDashboardArgument(httpContext, exception) ? Malformed("The dashboard does not know this silo, grain or statistic.") : Describe(exception);
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        else if (problem.Status >= 500)
        {
            LogUnavailable(logger, exception.GetType().Name, httpContext.Request.Method, httpContext.Request.Path);
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    public static ProblemDetails Describe(Exception exception)
    {
        switch (exception)
        {
            case ApiValidationException validation:
                return Validation(validation.Errors);
            case FinException { Code: FinErrorCode.Validation, Field: { } field } fin:
                return Validation(new Dictionary<string, string[]> { [field] = [fin.Message] });
            case FinException fin:
                var (status, type, title) = ProblemTypes.For(fin.Code);
                return new ProblemDetails { Status = status, Type = type, Title = title, Detail = fin.Message };
            case BadHttpRequestException bad:
                return new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Type = ProblemTypes.ForStatus(bad.StatusCode).Type,
                    Title = ProblemTypes.ForStatus(bad.StatusCode).Title,
                    Detail = bad.InnerException is JsonException inner ? Clean(inner) : bad.Message,
                };
            case JsonException json:
                return new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Type = ProblemTypes.MalformedRequest,
                    Title = "The request is malformed.",
                    Detail = Clean(json),
                };
            case SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or ConnectionFailedException:
                return new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Type = ProblemTypes.Unavailable,
                    Title = "The service is temporarily unavailable.",
                    Detail = "The cluster did not answer in time; retry with the same Idempotency-Key.",
                };
            default:
                return new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Type = ProblemTypes.Internal,
                    Title = "Unexpected error.",
                    Detail = "The request failed unexpectedly; quote the traceId when reporting it.",
                };
        }
    }

    /// <summary>The dashboard's own handlers throw on route values they cannot parse (a silo address, a grain type): that is bad input.</summary>
    private static bool IsDashboardArgument(HttpContext context, Exception exception) =>
        context.Request.Path.StartsWithSegments("/dashboard") && exception is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException;

    private static ProblemDetails Malformed(string detail) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Type = ProblemTypes.MalformedRequest,
        Title = "The request is malformed.",
        Detail = detail,
    };

    private static HttpValidationProblemDetails Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal))
        {
            Status = StatusCodes.Status400BadRequest,
            Type = ProblemTypes.Validation,
            Title = "The request is invalid.",
            Detail = string.Join(" ", errors.SelectMany(e => e.Value)),
        };

    private static string Clean(JsonException json) =>
        json.Path is { Length: > 0 } path ? $"The JSON body is invalid at {path}." : "The body is not valid JSON.";

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster did not answer {Method} {Path} ({Failure})")]
    private static partial void LogUnavailable(ILogger logger, string failure, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure of {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
