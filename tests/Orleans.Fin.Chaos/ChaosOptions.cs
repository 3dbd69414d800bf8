using System.Globalization;

namespace Orleans.Fin.Chaos;

/// <summary>
/// Command-line settings of a chaos run; every count and duration is bounded. With <see cref="PgConnection"/> (the
/// cluster's database) and its <see cref="ServiceId"/>, the risk states in parts are checked in PostgreSQL.
/// </summary>
public sealed record ChaosOptions(
    Uri BaseUrl,
    string RunDir,
    string RestartCommand,
    string? SigningKeyFile,
    int Customers,
    int Concurrency,
    TimeSpan LoadTime,
    int Kills,
    TimeSpan DownTime,
    double DuplicateShare,
    TimeSpan RequestTimeout,
    TimeSpan SettleDeadline,
    int Seed,
    string? PgConnection,
    string ServiceId)
{
    public static ChaosOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected an option name, got '{args[i]}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        string Get(string name, string fallback) => values.Remove(name, out var v) ? v : fallback;
        int Int(string name, int fallback, int min, int max) => Bounded(name, int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture), min, max);
        TimeSpan Seconds(string name, int fallback, int min, int max) => TimeSpan.FromSeconds(Int(name, fallback, min, max));

        var options = new ChaosOptions(
            new Uri(Get("url", "http://127.0.0.1:5080")),
            Get("run-dir", ""),
            Get("restart", ""),
            values.Remove("signing-key-file", out var keyFile) ? keyFile : null,
            Int("customers", 24, 4, 10_000),
            Int("concurrency", 16, 1, 512),
            Seconds("seconds", 45, 5, 3_600),
            Int("kills", 2, 0, 1_000),
            Seconds("down-seconds", 3, 0, 120),
            Int("duplicate-percent", 10, 0, 100) / 100.0,
            Seconds("request-timeout", 35, 1, 120),
            Seconds("settle-seconds", 90, 5, 1_800),
            Int("seed", Environment.TickCount & 0xFFFF, 0, int.MaxValue),
            values.Remove("pg-connection", out var connection) ? connection : null,
            Get("service-id", "orleans-fin"));
        if (values.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", values.Keys.Select(k => "--" + k))}.");
        }

        if (options.Kills > 0 && (options.RunDir.Length == 0 || options.RestartCommand.Length == 0))
        {
            throw new ArgumentException("Killing silos needs --run-dir (where silo1.pid and silo2.pid are) and --restart (the command that restarts what is missing).");
        }

        return options;
    }

    private static int Bounded(string name, int value, int min, int max) =>
        value >= min && value <= max ? value : throw new ArgumentException($"--{name} must be between {min} and {max}.");
}
