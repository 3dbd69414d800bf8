using Orleans.Configuration;
using Orleans.Dashboard;

namespace Orleans.Fin.ClientApi;

/// <summary>Connects this process to the cluster as an Orleans client (section "Cluster").</summary>
public static class ClusterClientExtensions
{
    public static WebApplicationBuilder AddFinClusterClient(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Cluster");
        var profile = section["Profile"] ?? "Embedded";
        var connection = section["ConnectionString"] ?? builder.Configuration.GetConnectionString("Orleans");
        var gatewayPort = section.GetValue("GatewayPort", 30000);

        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = section["ClusterId"] ?? "orleans-fin";
                o.ServiceId = section["ServiceId"] ?? "orleans-fin";
            });
            if (string.Equals(profile, "Postgres", StringComparison.OrdinalIgnoreCase))
            {
                if (string.IsNullOrWhiteSpace(connection))
                {
                    throw new InvalidOperationException("The Postgres profile needs Cluster:ConnectionString (or ConnectionStrings:Orleans).");
                }

                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connection;
                });
            }
            else
            {
                client.UseLocalhostClustering(gatewayPort);
            }

            client.AddDashboard();
        });
        return builder;
    }
}
