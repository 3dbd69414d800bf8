using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Orleans.Fin.Api.Endpoints;
using Orleans.Fin.Api.Infrastructure;
using Scalar.AspNetCore;

namespace Orleans.Fin.Api.Hosting;

/// <summary>The REST front-end, used the same way by the all-in-one silo and by the external client-api host.</summary>
public static class FinApiExtensions
{
    public static WebApplicationBuilder AddFinApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddFinProblemDetails();
        services.AddFinAuth();
        services.AddSingleton<RequestKeys>();
        services.TryAddSingleton(TimeProvider.System); // a co-hosted silo registers the business clock first
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict; // amounts are JSON numbers, never strings
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi();
        services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"])
            .AddCheck<ClusterReadyCheck>("cluster", tags: ["ready"]);
        builder.AddFinObservability();
        return builder;
    }

    public static WebApplication UseFinApi(this WebApplication app)
    {
        // Request logging is outermost so it records the status the client really got, after the handlers below.
        app.UseFinRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapFinApi(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains("live") }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapFinMetrics();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs").AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapAuthEndpoints();
            app.MapDevelopmentOtpEndpoints();
        }

        app.MapCustomerEndpoints();
        app.MapAccountEndpoints();
        app.MapPaymentEndpoints();
        app.MapLoanEndpoints();
        app.MapWealthEndpoints();
        app.MapClockEndpoints();
        app.MapRiskEndpoints();
        app.MapOpsEndpoints();
        return app;
    }
}
