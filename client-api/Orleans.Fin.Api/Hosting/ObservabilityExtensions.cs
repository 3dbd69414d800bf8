using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Orleans.Fin.Common;
using Serilog;
using Serilog.Events;

namespace Orleans.Fin.Api.Hosting;

/// <summary>Serilog (compact JSON from configuration) and OpenTelemetry metrics exported as Prometheus text.</summary>
public static class ObservabilityExtensions
{
    public static WebApplicationBuilder AddFinObservability(this WebApplicationBuilder builder)
    {
        // Each host builds its own logger and leaves the static bootstrap logger alone: two hosts in one process (tests
        // start several nodes at once) must not both try to freeze the one global logger.
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext(),
            preserveStaticLogger: true);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter("Microsoft.Orleans")
            .AddMeter(FinNames.MeterName)
            .AddPrometheusExporter());
        return builder;
    }

    public static WebApplication UseFinRequestLogging(this WebApplication app)
    {
        // The host's logger, not the static one: that stays the bootstrap logger (preserveStaticLogger), which ignores
        // Serilog:MinimumLevel and the configured sinks and takes a lock on every request it writes.
        var logger = app.Services.GetRequiredService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = logger;
            options.GetLevel = (context, _, exception) => RequestLogLevel(context.Response.StatusCode, exception);
        });
        return app;
    }

    public static WebApplication MapFinMetrics(this WebApplication app)
    {
        var metrics = app.MapPrometheusScrapingEndpoint("/metrics");
        if (app.Environment.IsDevelopment())
        {
            metrics.AllowAnonymous();
        }
        else
        {
            metrics.RequireAuthorization(AuthSetup.StaffPolicy);
        }

        return app;
    }

    /// <summary>Refusals are the client's doing (Information, Warning for access refusals); only server faults are errors.</summary>
    public static LogEventLevel RequestLogLevel(int status, Exception? exception) => status switch
    {
        >= 500 when status != StatusCodes.Status503ServiceUnavailable => LogEventLevel.Error,
        >= 500 => LogEventLevel.Warning,
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status429TooManyRequests => LogEventLevel.Warning,
        _ when exception is not null => LogEventLevel.Error,
        _ => LogEventLevel.Information,
    };
}
