using System.ComponentModel.DataAnnotations;
using Orleans.Fin.Silo.Storage;

namespace Orleans.Fin.Silo.Hosting;

public enum ClusterProfile
{
    /// <summary>One process, nothing to install: localhost clustering, memory storage, memory streams, in-memory reminders.</summary>
    Embedded = 0,

    /// <summary>PostgreSQL: grain state through the provider Cluster:Storage names, clustering and reminders through the Orleans ADO.NET providers.</summary>
    Postgres = 1,
}

/// <summary>How this node joins its cluster (section "Cluster").</summary>
public sealed class FinClusterOptions
{
    public const string Section = "Cluster";

    public ClusterProfile Profile { get; set; } = ClusterProfile.Embedded;

    [Required]
    public string ClusterId { get; set; } = "orleans-fin";

    [Required]
    public string ServiceId { get; set; } = "orleans-fin";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo at (Postgres profile).</summary>
    public string AdvertisedIp { get; set; } = "127.0.0.1";

    /// <summary>PostgreSQL connection string (Postgres profile); also read from ConnectionStrings:Orleans.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Grain-state provider on the Postgres profile.</summary>
    public GrainStorageKind Storage { get; set; } = GrainStorageKind.GroupCommit;

    /// <summary>
    /// Whether the long record lists of grain state (the risk state's records, an account's entries) are stored as rows
    /// (true) or as the objects that silos of earlier versions read: false while such silos still run in the cluster (a
    /// rolling upgrade; Postgres profile, since an embedded node's states live and die with its one process). Both forms
    /// are always read.
    /// </summary>
    public bool StateRows { get; set; } = true;

    /// <summary>Batching of the group-commit provider (section Cluster:GroupCommit); its connection string is this node's.</summary>
    public GroupCommitStorageOptions GroupCommit { get; set; } = new();

    /// <summary>
    /// Entries in this silo's grain-directory cache: the addresses of grains it registered or looked up, checked before
    /// every call. Orleans sizes the cache's table to this up front, and the dashboard counts the cache once a second
    /// by walking the whole table: at Orleans' default of a million, that walk took 2-3% of a loaded node's CPU. Unset:
    /// <see cref="EmbeddedDirectoryCacheSize"/> on the embedded profile, where the one silo's own directory answers a
    /// miss in memory; Orleans' default on Postgres, where a miss can cost a lookup on another silo.
    /// </summary>
    [Range(1_000, 10_000_000)]
    public int? DirectoryCacheSize { get; set; }

    public const int EmbeddedDirectoryCacheSize = 100_000;

    /// <summary>The cache size this node configures, or null for Orleans' default.</summary>
    public int? DirectoryCacheSizeToUse => DirectoryCacheSize ?? (Profile == ClusterProfile.Embedded ? EmbeddedDirectoryCacheSize : null);

    /// <summary>Lowest reminder period accepted (tests shorten it).</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromSeconds(10);
}
