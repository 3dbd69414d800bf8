using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Formatting.Compact;

namespace Orleans.Fin.Api.Hosting;

/// <summary>The shape both hosts share: bootstrap logging, the REST API, the dashboard; the caller adds how it joins the cluster.</summary>
public static class FinHost
{
    public static async Task RunAsync(string[] args, Func<WebApplicationBuilder, WebApplicationBuilder> joinCluster)
    {
        Log.Logger = new LoggerConfiguration().WriteTo.Console(new RenderedCompactJsonFormatter()).CreateBootstrapLogger();
        try
        {
            var builder = WebApplication.CreateBuilder(args);
            joinCluster(builder).AddFinApi();

            var app = builder.Build();
            app.UseFinApi();
            app.MapFinApi();
            app.MapFinDashboard();
            await app.RunAsync();
        }
        catch (Exception ex) when (ex is not HostAbortedException)
        {
            Log.Fatal(ex, "The host stopped unexpectedly");
            throw;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }
}
