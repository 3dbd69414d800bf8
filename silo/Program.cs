using Orleans.Fin.Api.Hosting;
using Orleans.Fin.Silo.Hosting;

await FinHost.RunAsync(args, builder => builder.AddFinSilo());

/// <summary>The all-in-one node: an Orleans silo with the REST API and the dashboard.</summary>
public partial class Program;
