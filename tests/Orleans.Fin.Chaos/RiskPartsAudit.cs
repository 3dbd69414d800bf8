using Npgsql;

namespace Orleans.Fin.Chaos;

/// <summary>
/// Reads the risk states in parts straight from PostgreSQL, through the functions of deploy/sql/040-risk-parts.sql, for
/// the cluster's service id: what the REST API cannot show (a part row missing, rows nobody refers to).
/// </summary>
public static class RiskPartsAudit
{
    /// <summary>How many dangling states are named; the count covers them all.</summary>
    public const int MaxNamed = 25;

    public static async Task<RiskPartsReading> ReadAsync(string connectionString, string serviceId)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var summary = data.CreateCommand("SELECT states_in_parts, parts, dangling, orphaned, unreadable FROM fin_risk_parts_summary($1)");
        summary.Parameters.Add(new NpgsqlParameter { Value = serviceId });
        long statesInParts, parts, dangling, orphaned, unreadable;
        await using (var reader = await summary.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync())
            {
                throw new InvalidOperationException("fin_risk_parts_summary returned no row.");
            }

            (statesInParts, parts, dangling, orphaned, unreadable) =
                (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        }

        var named = new List<string>();
        if (dangling > 0)
        {
            await using var rows = data.CreateCommand($"SELECT n0, n1, extension, part_id FROM fin_risk_parts_dangling($1) LIMIT {MaxNamed}");
            rows.Parameters.Add(new NpgsqlParameter { Value = serviceId });
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var customer = reader.IsDBNull(2) ? $"{reader.GetInt64(0):x16}{reader.GetInt64(1):x16}" : reader.GetString(2);
                named.Add($"{customer} refers to part {reader.GetString(3)}, which is not stored");
            }
        }

        return new RiskPartsReading(statesInParts, parts, dangling, orphaned, unreadable, named);
    }
}
