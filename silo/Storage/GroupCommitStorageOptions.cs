using System.ComponentModel.DataAnnotations;
using Npgsql;

namespace Orleans.Fin.Silo.Storage;

/// <summary>How the group-commit grain storage gathers state reads and writes into shared PostgreSQL round trips.</summary>
public sealed class GroupCommitStorageOptions
{
    /// <summary>Npgsql connection string of the database that holds OrleansStorage.</summary>
    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>Most operations sent in one round trip (and, for writes, one transaction).</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// How long the first operation of a batch waits for others to join it, unless the batch is already full. Zero sends
    /// what is queued at once; batches still form while earlier ones are in flight.
    /// </summary>
    public TimeSpan BatchDelay { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Batches in flight at once per direction (writes, reads): each holds one pooled connection.</summary>
    [Range(1, 64)]
    public int MaxBatchesInFlight { get; set; } = 4;

    /// <summary>Clearing a grain's state deletes its row instead of keeping it with an empty payload.</summary>
    public bool DeleteStateOnClear { get; set; }

    /// <summary>
    /// The provider's four statements are prepared on each pooled connection after a few uses (Npgsql's automatic
    /// preparation), unless the connection string sets a "Max Auto Prepare" above 0 itself. Parsing and planning them on every
    /// write took about 40% of PostgreSQL's CPU per payment (docs/BENCHMARKS.md). False for a pooler that cannot keep prepared statements
    /// on a server connection (PgBouncer in transaction mode before 1.21).
    /// </summary>
    public bool PrepareStatements { get; set; } = true;

    /// <summary>Statements Npgsql may keep prepared per connection when <see cref="PrepareStatements"/> is on.</summary>
    public const int AutoPreparedStatements = 16;

    /// <summary>
    /// The connection string the provider's pool uses: <see cref="ConnectionString"/> with automatic preparation, and
    /// never multiplexed. A write's payload is a pooled buffer handed back when the write completes; without
    /// multiplexing Npgsql has sent a batch's statements before the batch's answer reaches a write, and when the
    /// connection breaks first, nothing more of that batch reaches the server.
    /// </summary>
    public string PoolConnectionString()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Multiplexing = false };
        if (PrepareStatements && builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
        }

        return builder.ConnectionString;
    }
}
