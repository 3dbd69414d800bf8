using System.Globalization;

namespace Orleans.Fin.LoadTest;

/// <summary>Command-line settings of a load run.</summary>
public sealed record LoadOptions(Uri BaseUrl, string Scenario, int Concurrency, TimeSpan Duration, TimeSpan Warmup, int Customers, bool PrintKpis)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;
        return new LoadOptions(
            new Uri(Get("url", "http://127.0.0.1:5080")),
            Get("scenario", "payments"),
            int.Parse(Get("concurrency", "64"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(Get("seconds", "20"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Get("warmup", "5"), CultureInfo.InvariantCulture)),
            int.Parse(Get("customers", "200"), CultureInfo.InvariantCulture),
            Get("kpis", "false") == "true");
    }
}
