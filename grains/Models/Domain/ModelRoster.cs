namespace Orleans.Fin.Models.Domain;

/// <summary>
/// The roles of a model's versions. One champion at a time; promoting a version makes it champion with no traffic
/// share and retires the old champion (which can be promoted back). Registering a new version makes it the challenger
/// and retires the previous challenger. Only a challenger can hold a traffic share, in [0, <see cref="MaxTrafficShare"/>].
/// </summary>
public static class ModelRoster
{
    public const double MaxTrafficShare = 0.5;

    public static IReadOnlyList<RosterEntry> Register(IReadOnlyList<RosterEntry> roster, string version)
    {
        ArgumentNullException.ThrowIfNull(roster);
        if (roster.Any(e => e.Version == version))
        {
            return roster;
        }

        var role = roster.Any(e => e.Role == ModelRole.Champion) ? ModelRole.Challenger : ModelRole.Champion;
        return [.. roster.Select(e => e.Role == ModelRole.Challenger && role == ModelRole.Challenger ? e with { Role = ModelRole.Retired, TrafficShare = 0 } : e),
            new RosterEntry(version, role, 0)];
    }

    public static IReadOnlyList<RosterEntry> Promote(IReadOnlyList<RosterEntry> roster, string version)
    {
        ArgumentNullException.ThrowIfNull(roster);
        if (!roster.Any(e => e.Version == version))
        {
            throw new ArgumentException($"Unknown version {version}.", nameof(version));
        }

        return [.. roster.Select(e =>
            e.Version == version ? e with { Role = ModelRole.Champion, TrafficShare = 0 }
            : e.Role == ModelRole.Champion ? e with { Role = ModelRole.Retired, TrafficShare = 0 }
            : e)];
    }

    /// <summary>Null when the share is refused (not a challenger, or out of range), with the reason.</summary>
    public static (IReadOnlyList<RosterEntry>? Roster, string? Problem) ShareTraffic(IReadOnlyList<RosterEntry> roster, string version, double share)
    {
        ArgumentNullException.ThrowIfNull(roster);
        if (double.IsNaN(share) || share < 0 || share > MaxTrafficShare)
        {
            return (null, $"The traffic share must be between 0 and {MaxTrafficShare}.");
        }

        var entry = roster.FirstOrDefault(e => e.Version == version);
        if (entry is null || entry.Role != ModelRole.Challenger)
        {
            return (null, $"Only the challenger can take a traffic share; {version} is {entry?.Role.ToString() ?? "unknown"}.");
        }

        return ([.. roster.Select(e => e.Version == version ? e with { TrafficShare = share } : e)], null);
    }
}

/// <summary>A version's role and share of live traffic.</summary>
public sealed record RosterEntry(string Version, ModelRole Role, double TrafficShare);
