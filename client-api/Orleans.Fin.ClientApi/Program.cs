using Orleans.Fin.Api.Hosting;
using Orleans.Fin.ClientApi;

await FinHost.RunAsync(args, builder => builder.AddFinClusterClient());

/// <summary>The REST front-end as its own process, an Orleans client of the silos' gateways.</summary>
public partial class Program;
