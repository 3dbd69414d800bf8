using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Fin.LoadTest;

// A closed-loop HTTP load generator: N workers each send one request at a time for a fixed duration.
// Scenarios: "bare" (GET /health/live: HTTP stack only, no grain work) and "payments" (POST /payments
// between funded accounts of many customers). Prints throughput and latency percentiles as one line.
var options = LoadOptions.Parse(args);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = options.BaseUrl,
    Timeout = TimeSpan.FromSeconds(30),
};

if (options.Scenario == "freeze-latency")
{
    await FreezeLatencyScenario.RunAsync(http, options.Customers, attackers: 20, backgroundPerSecond: options.Concurrency, options.Duration);
    return;
}

Func<Random, Task<(bool Ok, string Outcome)>> send = options.Scenario switch
{
    "bare" => async _ =>
    {
        using var response = await http.GetAsync("/health/live");
        return (response.IsSuccessStatusCode, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
    },
    "payments" => await PaymentScenario.PrepareAsync(http, options.Customers),
    "loan-decisions" => await PaymentScenario.PrepareLoanApplicationsAsync(http, options.Customers),
    _ => throw new ArgumentException($"Unknown scenario {options.Scenario}"),
};

await RunAsync(options.Warmup, record: false);
var result = await RunAsync(options.Duration, record: true);
result.Print(options);
if (options.PrintKpis)
{
    // The risk engine's own indicators after the run: time from a triggering event to the freeze, and counts.
    var token = await PaymentScenario.StaffTokenAsync(http);
    using var request = new HttpRequestMessage(HttpMethod.Get, "/ops/kpis");
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await http.SendAsync(request);
    Console.WriteLine("kpis=" + await response.Content.ReadAsStringAsync());
}

async Task<LoadResult> RunAsync(TimeSpan duration, bool record)
{
    var latencies = new List<double>[options.Concurrency];
    var outcomes = new Dictionary<string, int>[options.Concurrency];
    var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
    var started = Stopwatch.GetTimestamp();
    await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(worker => Task.Run(async () =>
    {
        var random = new Random(worker);
        var mine = latencies[worker] = new List<double>(100_000);
        var counts = outcomes[worker] = [];
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            var t0 = Stopwatch.GetTimestamp();
            string outcome;
            try
            {
                (_, outcome) = await send(random);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                outcome = "error:" + ex.GetType().Name;
            }

            if (record)
            {
                mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
            }
        }
    })));
    var elapsed = Stopwatch.GetElapsedTime(started);
    var all = latencies.SelectMany(l => l).Order().ToArray();
    var merged = outcomes.SelectMany(o => o).GroupBy(o => o.Key).ToDictionary(g => g.Key, g => g.Sum(o => o.Value));
    return new LoadResult(all, merged, elapsed);
}

internal sealed record LoadResult(double[] SortedLatencies, Dictionary<string, int> Outcomes, TimeSpan Elapsed)
{
    public double Percentile(double p) => SortedLatencies.Length == 0 ? 0 : SortedLatencies[Math.Min(SortedLatencies.Length - 1, (int)(p * SortedLatencies.Length))];

    public void Print(LoadOptions options)
    {
        var completed = Outcomes.GetValueOrDefault("Completed") + Outcomes.GetValueOrDefault("200")
            + Outcomes.GetValueOrDefault("Approved") + Outcomes.GetValueOrDefault("Rejected");
        var rate = completed / Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scenario={options.Scenario} concurrency={options.Concurrency} seconds={Elapsed.TotalSeconds:F1} requests={SortedLatencies.Length} ok/s={rate:F0} p50={Percentile(0.50):F1}ms p99={Percentile(0.99):F1}ms max={SortedLatencies.LastOrDefault():F1}ms outcomes={JsonSerializer.Serialize(Outcomes)}"));
    }
}

internal static class PaymentScenario
{
    private static readonly string[] CustomerRoles = ["customer"];
    private static readonly string[] OperatorRoles = ["operator"];

    public static async Task<string> StaffTokenAsync(HttpClient http) =>
        (await Send(http, HttpMethod.Post, "/auth/dev-token", null, new { subject = "load-operator", roles = OperatorRoles })).GetProperty("token").GetString()!;

    /// <summary>Onboards customers with one funded CNY account each; returns a sender of random payments among them.</summary>
    public static async Task<Func<Random, Task<(bool Ok, string Outcome)>>> PrepareAsync(HttpClient http, int customers)
    {
        var accounts = (await OnboardAsync(http, customers, deposit: 100_000_000m)).Select(a => (Account: a.Account, Token: a.Token, Device: a.Device)).ToArray();

        return async random =>
        {
            var from = accounts[random.Next(accounts.Length)];
            var to = accounts[random.Next(accounts.Length)];
            if (to.Account == from.Account)
            {
                to = accounts[(Array.IndexOf(accounts, from) + 1) % accounts.Length];
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, "/payments")
            {
                Content = JsonContent.Create(new { fromAccountId = from.Account, toAccountId = to.Account, amount = random.Next(1, 100_000) / 100m, currency = "CNY", channel = "app", deviceId = from.Device }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", from.Token);
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            using var response = await http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return (false, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (true, body.GetProperty("status").GetString()!);
        };
    }

    private static readonly string[] Homes = ["rent", "owner", "parents", "priv", "other"];
    private static readonly string[] Maritals = ["married", "single", "separated", "widow", "divorced"];
    private static readonly string[] Jobs = ["fixed", "freelance", "partime", "others"];

    /// <summary>Onboards customers with an account each; returns a sender of small loan applications (decided automatically).</summary>
    public static async Task<Func<Random, Task<(bool Ok, string Outcome)>>> PrepareLoanApplicationsAsync(HttpClient http, int customers)
    {
        var accounts = await OnboardAsync(http, customers, deposit: 0m);
        return async random =>
        {
            var (customerId, account, token, _) = accounts[random.Next(accounts.Length)];
            var amount = random.Next(2, 20) * 100m;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/loans/applications")
            {
                Content = JsonContent.Create(new
                {
                    customerId, accountId = account, amount, termMonths = random.Next(1, 6) * 12, purpose = "household",
                    seniority = random.Next(0, 20), home = Homes[random.Next(Homes.Length)], maritalStatus = Maritals[random.Next(Maritals.Length)],
                    job = Jobs[random.Next(Jobs.Length)], expenses = random.Next(35, 120), income = random.Next(80, 300),
                    assets = random.Next(0, 10) * 1000, debt = random.Next(0, 3) * 500, price = amount + random.Next(0, 1000), records = random.Next(10) == 0,
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return (false, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (true, body.GetProperty("decision").GetString()!);
        };
    }

    public static Task<(string CustomerId, string Account, string Token, string Device)[]> OnboardForScenarioAsync(HttpClient http, int customers, decimal deposit) =>
        OnboardAsync(http, customers, deposit);

    /// <summary>One payment; returns the outcome (status or HTTP code) and the decline reason.</summary>
    public static async Task<(string Status, string? Reason)> PayAsync(HttpClient http, string token, string from, string to, decimal amount, string deviceId, string? city)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/payments")
        {
            Content = JsonContent.Create(new { fromAccountId = from, toAccountId = to, amount, currency = "CNY", channel = "app", deviceId, city, country = city is null ? null : "GB" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return (((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), null);
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("status").GetString()!, body.TryGetProperty("declineReason", out var r) ? r.GetString() : null);
    }

    public static async Task SendAsync(HttpClient http, HttpMethod method, string path, string token, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
    }

    private static async Task<(string CustomerId, string Account, string Token, string Device)[]> OnboardAsync(HttpClient http, int customers, decimal deposit)
    {
        var accounts = new (string, string, string, string)[customers];
        var seed = Random.Shared.Next(0, 10_000_000);
        await Parallel.ForEachAsync(Enumerable.Range(0, customers), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var created = await Send(http, HttpMethod.Post, "/customers", null, new { name = $"Load {i}", idNumber = IdNumber(seed + i), phone = "138" + ((seed + i) % 100_000_000).ToString("D8", CultureInfo.InvariantCulture), deviceId = $"device-{seed + i}" });
            var customerId = created.GetProperty("id").GetString()!;
            var token = (await Send(http, HttpMethod.Post, "/auth/dev-token", null, new { subject = customerId, roles = CustomerRoles })).GetProperty("token").GetString()!;
            var account = (await Send(http, HttpMethod.Post, "/accounts", token, new { customerId, currency = "CNY" })).GetProperty("id").GetString()!;
            if (deposit > 0)
            {
                await Send(http, HttpMethod.Post, $"/accounts/{account}/deposits", token, new { amount = deposit, channel = "bank-transfer" }, Guid.NewGuid().ToString("N"));
            }

            accounts[i] = (customerId, account, token, $"device-{seed + i}");
        });
        return accounts;
    }

    private static async Task<JsonElement> Send(HttpClient http, HttpMethod method, string path, string? token, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} failed with {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string IdNumber(int n)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var birth = new DateOnly(1960, 1, 1).AddDays(n % 12_000);
        var first17 = "310104" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (n / 12_000 % 1000).ToString("D3", CultureInfo.InvariantCulture);
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }
}
