using System.Globalization;

namespace Orleans.Fin.LoadTest;

/// <summary>Command-line settings of a load run (see the usage text in Program.cs).</summary>
public sealed record LoadOptions(Uri BaseUrl, string Scenario, int Concurrency, TimeSpan Duration, TimeSpan Warmup, int Customers, bool PrintKpis,
    TimeSpan BaselineDuration, string? SigningKey, string Issuer, string Audience)
{
    public static readonly string[] Scenarios = ["payments", "loan-decisions", "mixed", "bare", "freeze-latency"];

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;
        double Seconds(string name, string fallback) => double.Parse(Get(name, fallback), CultureInfo.InvariantCulture);
        var options = new LoadOptions(
            new Uri(Get("url", "http://127.0.0.1:5080")),
            Get("scenario", "payments"),
            int.Parse(Get("concurrency", "64"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(Seconds("seconds", "20")),
            TimeSpan.FromSeconds(Seconds("warmup", "5")),
            int.Parse(Get("customers", "200"), CultureInfo.InvariantCulture),
            Get("kpis", "false") == "true",
            TimeSpan.FromSeconds(Seconds("baseline-seconds", "10")),
            values.GetValueOrDefault("signing-key") ?? Environment.GetEnvironmentVariable("FIN_JWT_SIGNING_KEY"),
            Get("issuer", "orleans-fin"),
            Get("audience", "orleans-fin-api"));
        if (!Scenarios.Contains(options.Scenario))
        {
            throw new ArgumentException($"Unknown scenario '{options.Scenario}': use one of {string.Join(", ", Scenarios)}.");
        }

        return options;
    }
}
