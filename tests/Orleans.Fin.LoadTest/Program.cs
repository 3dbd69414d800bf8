using System.Net.Http.Headers;
using Orleans.Fin.LoadTest;

// A closed-loop HTTP load generator for any Orleans.Fin node or front-end. Usage:
//   Orleans.Fin.LoadTest --url http://host:port [--scenario payments|loan-decisions|mixed|bare|freeze-latency]
//     [--concurrency 64] [--seconds 20] [--warmup 5] [--baseline-seconds 10] [--customers 200] [--kpis true]
//     [--signing-key KEY (or env FIN_JWT_SIGNING_KEY) --issuer orleans-fin --audience orleans-fin-api]
// Each run measures the bare endpoint (GET /health/live: the HTTP stack, no grain work) on the same target first,
// then the scenario, printing a progress line a second and a summary line per phase. Without a signing key the
// tokens come from /auth/dev-token, which only a Development node serves. Outside Development, onboarding the
// customers is anonymous traffic: raise the node's Security:AnonymousPermitsPerMinute for the run.
var options = LoadOptions.Parse(args);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = options.BaseUrl,
    Timeout = TimeSpan.FromSeconds(30),
};
var tokens = new TokenSource(http, options);

if (options.Scenario == "freeze-latency")
{
    await FreezeLatencyScenario.RunAsync(http, tokens, options.Customers, attackers: 20, backgroundPerSecond: options.Concurrency, options.Duration);
    return;
}

LoadRun.Sender bare = async _ =>
{
    using var response = await http.GetAsync("/health/live");
    return (response.IsSuccessStatusCode, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
};

Console.WriteLine($"target {options.BaseUrl} scenario {options.Scenario}, {options.Concurrency} workers");
var results = new List<LoadResult>();
if (options.Scenario != "bare" && options.BaselineDuration > TimeSpan.Zero)
{
    Console.WriteLine($"== baseline: GET /health/live for {options.BaselineDuration.TotalSeconds:F0}s");
    results.Add(await LoadRun.RunAsync("bare", bare, options.Concurrency, options.BaselineDuration, live: true));
}

var send = options.Scenario switch
{
    "payments" => await PaymentScenario.PrepareAsync(http, tokens, options.Customers),
    "loan-decisions" => await PaymentScenario.PrepareLoanApplicationsAsync(http, tokens, options.Customers),
    "mixed" => await PaymentScenario.PrepareMixedAsync(http, tokens, options.Customers),
    _ => bare,
};

if (options.Warmup > TimeSpan.Zero)
{
    Console.WriteLine($"== warm-up {options.Warmup.TotalSeconds:F0}s (not recorded)");
    await LoadRun.RunAsync(options.Scenario, send, options.Concurrency, options.Warmup, live: false);
}

Console.WriteLine($"== {options.Scenario} for {options.Duration.TotalSeconds:F0}s");
var main = await LoadRun.RunAsync(options.Scenario, send, options.Concurrency, options.Duration, live: true);
results.Add(main);

Console.WriteLine("== summary");
foreach (var result in results)
{
    Console.WriteLine(result.Summary());
}

if (results.Count == 2 && results[0].CompletedPerSecond > 0)
{
    Console.WriteLine(FormattableString.Invariant($"ratio {options.Scenario}/bare = {main.CompletedPerSecond / results[0].CompletedPerSecond:F3}"));
}

if (options.PrintKpis)
{
    // The risk engine's own indicators after the run: time from a triggering event to the freeze, and counts.
    using var request = new HttpRequestMessage(HttpMethod.Get, "/ops/kpis");
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await PaymentScenario.StaffTokenAsync(tokens));
    using var response = await http.SendAsync(request);
    Console.WriteLine("kpis=" + await response.Content.ReadAsStringAsync());
}
