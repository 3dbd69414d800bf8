using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Fin.Silo.Hosting;

namespace Orleans.Fin.WealthBench;

/// <summary>
/// One silo on the embedded profile (in-memory storage and reminders, memory streams) in this process, wired with the
/// same hosting extensions as silo/Program.cs, on free loopback ports. The benchmark calls it through its own IGrainFactory.
/// </summary>
public static class BenchSilo
{
    public static IHost Build(TickTimer ticks)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // The sweep never consults the risk engine; scoring off keeps the setup's deposits and subscriptions cheap.
            ["RiskControl:ScoringEnabled"] = "false",
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddFinGrainServices();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort(), FreePort());
            silo.AddFinEmbeddedResources();
            silo.AddFinStreams();
            silo.AddOutgoingGrainCallFilter(ticks);
        });
        return builder.Build();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
