using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Orleans.Fin.Common;
using Serilog;

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
        app.UseSerilogRequestLogging();
        return app;
    }

    public static WebApplication MapFinMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        return app;
    }
}
