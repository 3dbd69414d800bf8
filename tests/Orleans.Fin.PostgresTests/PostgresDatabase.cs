using Npgsql;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.PostgresTests;

/// <summary>The PostgreSQL database prepared by tests/run-all.sh (deploy/scripts/db-setup.sh), named by FIN_PG_CONNECTION.</summary>
public static class PostgresDatabase
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("FIN_PG_CONNECTION") is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException("FIN_PG_CONNECTION is not set: run the PostgreSQL tests through tests/run-all.sh.");

    /// <summary>
    /// A node on the Postgres profile, its grain state on the profile's default provider (group commit) unless
    /// <paramref name="storage"/> names another; nodes with the same cluster id form one cluster.
    /// </summary>
    public static FinNode Node(string clusterId, string? storage = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Cluster:Profile"] = "Postgres",
            ["Cluster:ClusterId"] = clusterId,
            ["Cluster:ServiceId"] = clusterId,
            ["Cluster:ConnectionString"] = ConnectionString,
        };
        if (storage is not null)
        {
            settings["Cluster:Storage"] = storage;
        }

        return new FinNode(settings);
    }

    public static async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<List<string>> PayloadsAsync(string serviceId)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT convert_from(PayloadBinary, 'UTF8') FROM OrleansStorage WHERE ServiceId = @service AND PayloadBinary IS NOT NULL", connection);
        command.Parameters.AddWithValue("service", serviceId);
        var payloads = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            payloads.Add(reader.GetString(0));
        }

        return payloads;
    }
}
