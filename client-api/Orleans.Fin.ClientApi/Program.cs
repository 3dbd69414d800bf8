using Orleans.Fin.Api.Hosting;
using Orleans.Fin.ClientApi;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console(new Serilog.Formatting.Compact.RenderedCompactJsonFormatter()).CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddFinClusterClient();
    builder.AddFinApi();

    var app = builder.Build();
    app.UseFinApi();
    app.MapFinApi();
    app.MapFinDashboard();
    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "client-api stopped unexpectedly");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>The REST front-end as its own process, an Orleans client of the silos' gateways.</summary>
public partial class Program;
