using Orleans.Fin.Api.Hosting;
using Orleans.Fin.Silo.Hosting;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console(new Serilog.Formatting.Compact.RenderedCompactJsonFormatter()).CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddFinSilo();
    builder.AddFinApi();

    var app = builder.Build();
    app.UseFinApi();
    app.MapFinApi();
    app.MapFinDashboard();
    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The node stopped unexpectedly");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>The all-in-one node: an Orleans silo with the REST API and the dashboard.</summary>
public partial class Program;
