using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Orleans.Fin.LoadTest;

/// <summary>
/// Event → freeze under ordinary background traffic: many customers pay their few usual payees at a paced rate
/// (a few payments a minute each, everyday amounts), while a handful of accounts are taken over — a login from a new
/// device on another continent, then a burst of large payments to new payees. Prints the background's throughput and
/// latency, then the risk engine's own /ops/kpis (time from the triggering event to the freeze).
/// </summary>
internal static class FreezeLatencyScenario
{
    public static async Task RunAsync(HttpClient http, TokenSource tokens, int customers, int attackers, int backgroundPerSecond, TimeSpan duration)
    {
        var people = await PaymentScenario.OnboardForScenarioAsync(http, tokens, customers + attackers, 50_000m);
        var ordinary = people[..customers];
        var victims = people[customers..];
        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>();
        var outcomes = new Dictionary<string, int>();
        var gate = new object();

        async Task Background(int worker)
        {
            var random = new Random(worker);
            var interval = TimeSpan.FromSeconds(16.0 / backgroundPerSecond);
            while (Stopwatch.GetTimestamp() < stop)
            {
                var started = Stopwatch.GetTimestamp();
                var index = random.Next(ordinary.Length);
                var payer = ordinary[index];
                var payee = ordinary[(index + 1 + random.Next(3)) % ordinary.Length]; // each customer has three usual payees
                var (status, _) = await PaymentScenario.PayAsync(http, payer.Token, payer.Account, payee.Account, random.Next(5_000, 30_000) / 100m, payer.Device, null);
                lock (gate)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    outcomes[status] = outcomes.GetValueOrDefault(status) + 1;
                }

                var wait = interval - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
            }
        }

        async Task Attack(int n)
        {
            var victim = victims[n];
            await Task.Delay(TimeSpan.FromSeconds(2 + (n * duration.TotalSeconds * 0.6 / victims.Length)));
            await PaymentScenario.SendAsync(http, HttpMethod.Post, $"/customers/{victim.CustomerId}/logins", victim.Token,
                new { deviceId = $"attacker-{n}", ip = "203.0.113.9", country = "GB", city = "London" });
            for (var i = 0; i < 5 && Stopwatch.GetTimestamp() < stop; i++)
            {
                var mule = ordinary[(n * 37 + i * 11) % ordinary.Length];
                await PaymentScenario.PayAsync(http, victim.Token, victim.Account, mule.Account, 9_000m + i, $"attacker-{n}", "London");
            }
        }

        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(Background).Concat(Enumerable.Range(0, victims.Length).Select(Attack)));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var sorted = latencies.Order().ToArray();
        double P(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scenario=freeze-latency customers={customers} attackers={attackers} background/s={sorted.Length / seconds:F0} p50={P(0.5):F1}ms p99={P(0.99):F1}ms outcomes={JsonSerializer.Serialize(outcomes)}"));

        await Task.Delay(TimeSpan.FromSeconds(2)); // let the last stream events land
        var token = await PaymentScenario.StaffTokenAsync(tokens);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ops/kpis");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        Console.WriteLine("kpis=" + await response.Content.ReadAsStringAsync());
    }
}
