using System.ComponentModel.DataAnnotations;

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
}
