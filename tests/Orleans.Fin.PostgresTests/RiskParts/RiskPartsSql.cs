using Npgsql;

namespace Orleans.Fin.PostgresTests.RiskParts;

/// <summary>Calls the functions of deploy/sql/040-risk-parts.sql, and changes rows by hand the way an operator or a clock would.</summary>
public static class RiskPartsSql
{
    public static async Task<(long StatesInParts, long Parts, long Dangling, long Orphaned, long Unreadable)> SummaryAsync(string serviceId)
    {
        var rows = await QueryAsync(
            "SELECT states_in_parts, parts, dangling, orphaned, unreadable FROM fin_risk_parts_summary(@s)",
            r => (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)),
            ("s", serviceId));
        return Assert.Single(rows);
    }

    /// <summary>(customer, part id) of each orphaned part at least <paramref name="minAge"/> old, sorted.</summary>
    public static Task<List<(string Customer, string Part)>> OrphanedAsync(string serviceId, TimeSpan minAge) =>
        PairsAsync("SELECT extension, part_id FROM fin_risk_parts_orphaned(@s, @age)", ("s", serviceId), ("age", minAge));

    public static Task<List<(string Customer, string Part)>> DanglingAsync(string serviceId) =>
        PairsAsync("SELECT extension, part_id FROM fin_risk_parts_dangling(@s)", ("s", serviceId));

    public static Task<long> SweepAsync(string serviceId, TimeSpan minAge) =>
        PostgresDatabase.ScalarAsync<long>("SELECT fin_risk_parts_sweep(@s, @age)", ("s", serviceId), ("age", minAge));

    /// <summary>One sweep statement taking at most <paramref name="limit"/> parts.</summary>
    public static Task<long> SweepAsync(string serviceId, TimeSpan minAge, int limit) =>
        PostgresDatabase.ScalarAsync<long>("SELECT fin_risk_parts_sweep(@s, @age, @limit)", ("s", serviceId), ("age", minAge), ("limit", limit));

    /// <summary>(customer, part id) of every cold-part row stored for the service, sorted.</summary>
    public static Task<List<(string Customer, string Part)>> StoredPartsAsync(string serviceId) =>
        PairsAsync(
            "SELECT GrainIdExtensionString, substr(GrainTypeString, 13) FROM OrleansStorage WHERE ServiceId = @s AND GrainTypeString LIKE 'riskWindows-%'",
            ("s", serviceId));

    /// <summary>Moves the last-modified time of every cold part stored so far back by <paramref name="age"/>.</summary>
    public static Task AgePartsAsync(string serviceId, TimeSpan age) =>
        ExecuteAsync("UPDATE OrleansStorage SET ModifiedOn = ModifiedOn - @age WHERE ServiceId = @s AND GrainTypeString LIKE 'riskWindows-%'",
            ("s", serviceId), ("age", age));

    public static Task DeleteRowAsync(string serviceId, string customer, string stateName) =>
        ExecuteAsync("DELETE FROM OrleansStorage WHERE ServiceId = @s AND GrainTypeString = @t AND GrainIdExtensionString = @c",
            ("s", serviceId), ("t", stateName), ("c", customer));

    public static async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(PostgresDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = Command(sql, connection, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public static NpgsqlCommand Command(string sql, NpgsqlConnection connection, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static async Task<List<(string, string)>> PairsAsync(string sql, params (string Name, object Value)[] parameters)
    {
        var pairs = await QueryAsync(sql, r => (r.GetString(0), r.GetString(1)), parameters);
        pairs.Sort();
        return pairs;
    }

    private static async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(PostgresDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = Command(sql, connection, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
