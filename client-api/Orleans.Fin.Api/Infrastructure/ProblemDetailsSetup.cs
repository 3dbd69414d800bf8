using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Fin.Api.Infrastructure;

internal static class ProblemDetailsSetup
{
    /// <summary>Every problem gets a stable type, a title and the trace id; bare status codes get a body too.</summary>
    public static IServiceCollection AddFinProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            problem.Status = status;
            if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org", StringComparison.Ordinal))
            {
                var (type, title) = ProblemTypes.ForStatus(status);
                problem.Type = type;
                problem.Title ??= title;
            }

            problem.Detail ??= problem.Title;
            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            problem.Extensions.Remove("exception");
        });
        // After the default writer: it answers JSON-accepting clients, this one every other client.
        services.AddSingleton<IProblemDetailsWriter, FinProblemWriter>();
        services.AddExceptionHandler<FinExceptionHandler>();
        return services;
    }
}
