using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Fin.Silo.Hosting;

namespace Orleans.Fin.TestSupport;

/// <summary>
/// A host with one silo on the embedded profile (in-process storage and reminders, memory streams), wired with the same
/// hosting extensions as silo/Program.cs, on free loopback ports, logging warnings only. Benchmarks call it through the
/// host's own IGrainFactory.
/// </summary>
public static class EmbeddedBenchSilo
{
    public static IHost Build(IReadOnlyDictionary<string, string?>? settings = null, Action<ISiloBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", Args = [] });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddFinGrainServices();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(TestData.FreePort(), TestData.FreePort());
            silo.AddFinEmbeddedResources();
            silo.AddFinStreams();
            configure?.Invoke(silo);
        });
        return builder.Build();
    }
}
