using System.ComponentModel.DataAnnotations;

namespace Orleans.Fin.Silo.Hosting;

public enum ClusterProfile
{
    /// <summary>One process, nothing to install: localhost clustering, memory storage, memory streams, in-memory reminders.</summary>
    Embedded = 0,

    /// <summary>PostgreSQL through the Orleans ADO.NET providers: clustering, grain storage and reminders.</summary>
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

    /// <summary>Lowest reminder period accepted (tests shorten it).</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromSeconds(10);
}
