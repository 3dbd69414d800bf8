using Npgsql;

namespace Orleans.Fin.Chaos;

/// <summary>
/// Sweeps the orphaned cold parts of risk states for real (fin_risk_parts_sweep_rows of deploy/sql/040-risk-parts.sql),
/// with no minimum age, while no silo runs.
/// </summary>
public static class RiskPartsSweep
{
    /// <summary>How long the statements the killed silos had already sent may take to end on the server.</summary>
    public static readonly TimeSpan QuietBudget = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Deletes every part row no risk state refers to; returns how many it deleted. Call it only with every silo killed
    /// and <see cref="WaitUntilQuietAsync"/> returned: the
    /// minimum age (docs/ARCHITECTURE.md, "The risk state in parts") keeps a part whose state write is still on its way;
    /// age 0 is safe here only because no silo runs, so no state write is on its way once the statements the killed
    /// silos had sent have ended (a server finishes a statement even when its client is gone).
    /// </summary>
    public static async Task<long> SweepAsync(string connectionString, string serviceId)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var sweep = data.CreateCommand("SELECT fin_risk_parts_sweep($1, interval '0')");
        sweep.Parameters.Add(new NpgsqlParameter { Value = serviceId });
        // In batches (each statement takes at most the function's default limit), until one deletes nothing.
        var deleted = 0L;
        for (var batch = (long)(await sweep.ExecuteScalarAsync())!; batch > 0; batch = (long)(await sweep.ExecuteScalarAsync())!)
        {
            deleted += batch;
        }

        return deleted;
    }

    /// <summary>
    /// Waits until no other session of the database is running a statement or holds a transaction open: the statements
    /// the killed silos had sent have ended. Throws <see cref="TimeoutException"/> after <see cref="QuietBudget"/>.
    /// </summary>
    public static async Task WaitUntilQuietAsync(string connectionString)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        // Idle sessions are left alone: client-api keeps its pooled connections (it reads the gateway list). A session
        // whose state this role may not see (NULL) counts as busy.
        await using var busy = data.CreateCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
            + "AND backend_type = 'client backend' AND state IS DISTINCT FROM 'idle'");
        using var deadline = new CancellationTokenSource(QuietBudget);
        while ((long)(await busy.ExecuteScalarAsync())! > 0)
        {
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"other sessions of the database were still busy after {QuietBudget.TotalSeconds:F0} s with every silo killed");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
