using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Orleans.Fin.TestSupport;
using Xunit.Abstractions;

namespace Orleans.Fin.Api.Tests;

/// <summary>
/// Property-based fuzzing of every operation in the OpenAPI document with requests that must all be refused: no answer
/// is a 5xx, every refusal is problem+json, no write succeeds, and no balance, entry, account or customer changes.
/// Seeded and repeatable: FIN_FUZZ_SEED and FIN_FUZZ_CASES (default 2,000) choose the run.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ApiFuzzTests(FinNodeFixture fixture, ITestOutputHelper output)
{
    private const ulong DefaultSeed = 20261130;
    private const int DefaultCases = 2000;
    private static readonly string[] CountedPrefixes =
        ["fin_customers_onboarded", "fin_account_freezes", "fin_account_unfreezes", "fin_risk_cases", "fin_movements"];

    private static readonly string[] MovedMoney = ["\"Deposit\"", "\"Withdrawal\"", "\"Payment\""];

    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task GeneratedBadRequests_AreRefusedAsProblemsAndChangeNothing()
    {
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("FIN_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        var cases = int.TryParse(Environment.GetEnvironmentVariable("FIN_FUZZ_CASES"), CultureInfo.InvariantCulture, out var c) ? c : DefaultCases;
        var victim = await _api.FundedAccountAsync(800m);
        var attacker = await _api.FundedAccountAsync(50m);
        var paymentId = (await (await _api.PayAsync(victim.Token, victim.AccountId, attacker.AccountId, 25m)).ReadJsonAsync()).Str("id");
        var targets = new FuzzTargets(await OperationsAsync(), [victim.CustomerId, victim.AccountId, paymentId], Tokens(), attacker.Token, fixture.OperatorToken);
        var before = await SettledSnapshotAsync(victim, attacker);

        var requests = FuzzGenerators.Request(targets).Sample(cases, new Rnd(seed), 30); // (count, seed, size)
        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        foreach (var request in requests)
        {
            var (status, problem) = await SendAsync(request);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500 || (status >= 400 && !problem) || (status < 400 && request.Method != "GET" && request.Method != "OPTIONS"))
            {
                failures.Add($"{status} problem={problem}: {request}");
            }
        }

        var after = await SettledSnapshotAsync(victim, attacker);
        var fivexx = statuses.Where(p => p.Key >= 500).Sum(p => p.Value);
        output.WriteLine($"seed {seed}, {requests.Length} requests, {targets.Operations.Count} operations; 5xx: {fivexx}; failures: {failures.Count}");
        output.WriteLine(string.Join(", ", statuses.Select(p => $"{p.Key}: {p.Value}")) + $" (total {statuses.Values.Sum()}, distinct {requests.Distinct().Count()})");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} bad requests were mishandled:\n{string.Join("\n", failures.Take(25))}");
        Assert.Equal(before, after);
        Assert.True(statuses.Keys.Count(k => k >= 400) >= 5, "the run should meet several kinds of refusal");
    }

    private async Task<(int Status, bool Problem)> SendAsync(FuzzRequest fuzz)
    {
        using var request = new HttpRequestMessage(new HttpMethod(fuzz.Method), new Uri(fuzz.Path, UriKind.Relative));
        if (fuzz.Token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + fuzz.Token);
        }

        if (fuzz.Accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", fuzz.Accept);
        }

        if (fuzz.IdempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", fuzz.IdempotencyKey);
        }

        if (fuzz.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(fuzz.Body));
            if (fuzz.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
            }
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        HttpResponseMessage response;
        try
        {
            response = await _api.Http.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return (599, false); // no answer at all counts as a server fault
        }

        using var _ = response;
        var status = (int)response.StatusCode;
        if (status < 400)
        {
            return (status, false);
        }

        var text = await response.Content.ReadAsStringAsync();
        return (status, IsProblem(response, text, status));
    }

    private static bool IsProblem(HttpResponseMessage response, string text, int status)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return root.GetProperty("status").GetInt32() == status
                && root.GetProperty("type").GetString()!.StartsWith("https://orleans.fin/problems/", StringComparison.Ordinal)
                && !string.IsNullOrEmpty(root.GetProperty("title").GetString())
                && !text.Contains("   at ", StringComparison.Ordinal); // no stack trace
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    private async Task<IReadOnlyList<(string Method, string Template)>> OperationsAsync()
    {
        var document = await _api.GetJsonAsync("/openapi/v1.json", fixture.OperatorToken);
        var operations = new List<(string, string)>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                operations.Add((method.Name.ToUpperInvariant(), path.Name));
            }
        }

        Assert.True(operations.Count >= 40, $"the OpenAPI document lists only {operations.Count} operations");
        return operations;
    }

    /// <summary>Tokens that must all be refused (401) and the valid ones the generator may pair with bad ids and bodies.</summary>
    private Dictionary<string, string?> Tokens()
    {
        var good = TestTokens.For(fixture, "intruder", "admin");
        var parts = good.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url(parts[1])).Replace("\"intruder\"", "\"admin-1\"", StringComparison.Ordinal);
        var noneHeader = ToBase64Url(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
        return new Dictionary<string, string?>
        {
            ["none"] = null,
            ["garbage"] = "not-a-token",
            ["empty"] = "",
            ["wrong-key"] = TestTokens.For(fixture, "intruder", "admin", signingKey: "another-signing-key-0123456789abcdef0123"),
            ["expired"] = TestTokens.For(fixture, "intruder", "admin", expiresIn: TimeSpan.FromMinutes(-5)),
            ["tampered"] = $"{parts[0]}.{ToBase64Url(Encoding.UTF8.GetBytes(payload))}.{parts[2]}",
            ["alg-none"] = $"{noneHeader}.{parts[1]}.",
            ["attacker"] = null,
            ["staff"] = null,
        };
    }

    /// <summary>
    /// The snapshot once two readings a second apart agree. The counters are the whole node's: before, what earlier tests
    /// set going one-way or on the stream has landed; after, so has anything the bad requests set going.
    /// </summary>
    private async Task<string> SettledSnapshotAsync(Holder victim, Holder attacker)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var last = await SnapshotAsync(victim, attacker);
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = await SnapshotAsync(victim, attacker);
            if (now == last)
            {
                return now;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the node's counters kept changing:\n{last}\n--\n{now}");
            last = now;
        }
    }

    /// <summary>Everything a bad request must not change: balances, entries, devices, accounts, and the node's counters of customers, freezes, cases and movements.</summary>
    private async Task<string> SnapshotAsync(Holder victim, Holder attacker)
    {
        var parts = new List<string>();
        foreach (var holder in new[] { victim, attacker })
        {
            var account = await _api.GetJsonAsync($"/accounts/{holder.AccountId}", fixture.OperatorToken);
            var entries = await _api.GetJsonAsync($"/accounts/{holder.AccountId}/entries?limit=500", fixture.OperatorToken);
            var customer = await _api.GetJsonAsync($"/customers/{holder.CustomerId}", fixture.OperatorToken);
            parts.Add($"{account.GetProperty("balance")}/{account.Str("status")}/{entries.GetProperty("items").GetArrayLength()}");
            parts.Add($"{customer.GetProperty("boundDevices")}/{customer.GetProperty("accountIds")}");
        }

        // Counters of the whole node: nobody onboarded, no account frozen or unfrozen, no case opened, no money moved.
        using var metrics = await _api.Http.GetAsync(new Uri("/metrics", UriKind.Relative));
        var counters = (await metrics.Content.ReadAsStringAsync()).Split('\n')
            .Where(l => CountedPrefixes.Any(p => l.StartsWith(p, StringComparison.Ordinal)))
            .Where(l => !l.StartsWith("fin_movements", StringComparison.Ordinal) || MovedMoney.Any(k => l.Contains(k, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains(counters, l => l.StartsWith("fin_customers_onboarded", StringComparison.Ordinal));
        parts.AddRange(counters);
        return string.Join("\n", parts);
    }

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }

    private static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
