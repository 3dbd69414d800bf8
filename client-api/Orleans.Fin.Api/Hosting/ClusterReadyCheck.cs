using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Orleans.Fin.Api.Hosting;

/// <summary>Ready when the cluster answers: at least one silo is active and reachable from this process.</summary>
internal sealed class ClusterReadyCheck(IClusterClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var management = client.GetGrain<IManagementGrain>(0);
#pragma warning disable CA2016 // the management call takes no token; WaitAsync bounds it instead
            var hosts = await management.GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
#pragma warning restore CA2016
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s).")
                : HealthCheckResult.Unhealthy("No active silo.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The cluster is not reachable.");
        }
    }
}
