using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;
using Xunit.Abstractions;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class PaymentConcurrencyTests(FinNodeFixture fixture, ITestOutputHelper output)
{
    private const int Customers = 4;
    private const decimal InitialDeposit = 5_000m;
    private const int Requests = 400;

    private static readonly string[] RiskOrFundsReasons = ["InsufficientFunds", "RiskDeclined", "AccountFrozen"];

    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task Pay_FourHundredParallelPaymentsWithDuplicateKeys_KeepLedgersConsistent()
    {
        var holders = await Task.WhenAll(Enumerable.Range(0, Customers).Select(_ => _api.FundedAccountAsync(InitialDeposit)));
        var settlementBefore = await _api.SettlementBalancesAsync(fixture.AdminToken);
        var requests = Plan(holders, new Random(4242));

        var responses = await Task.WhenAll(requests.Select(async r =>
        {
            using var response = await _api.SendAsync(HttpMethod.Post, "/payments", r.Payer.Token, r.Body, r.Key);
            return (Request: r, Status: response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        // Every request is well-formed and about the caller's own account: 201, whatever the outcome.
        Assert.All(responses, r => Assert.True(r.Status == HttpStatusCode.Created, $"{r.Status}: {r.Body}"));
        foreach (var sameKey in responses.GroupBy(r => r.Request.Key))
        {
            Assert.Single(sameKey.Select(r => r.Body).Distinct());
        }

        var payments = responses.GroupBy(r => r.Request.Key).Select(g => (Request: g.First().Request, Json: JsonDocument.Parse(g.First().Body).RootElement)).ToList();
        Assert.Equal(payments.Count, payments.Select(p => p.Json.Str("id")).Distinct().Count());
        var completed = payments.Where(p => p.Json.Str("status") == "Completed").ToList();
        var declined = payments.Where(p => p.Json.Str("status") == "Declined").ToList();
        var challenged = payments.Where(p => p.Json.Str("status") == "ChallengeRequired").ToList(); // risk control: bursts of large payments
        Assert.Equal(payments.Count, completed.Count + declined.Count + challenged.Count);
        Assert.NotEmpty(completed);
        Assert.NotEmpty(declined);
        // Bursts of large payments are what the risk engine looks for: it may also challenge, decline or freeze.
        Assert.All(declined, p => Assert.Contains(p.Json.Str("declineReason"), RiskOrFundsReasons));
        output.WriteLine($"{responses.Length} requests, {payments.Count} distinct keys: {completed.Count} completed, {declined.Count} declined, {challenged.Count} challenged");

        var balances = await Task.WhenAll(holders.Select(h => _api.BalanceAsync(h.AccountId, h.Token)));
        Assert.Equal(Customers * InitialDeposit, balances.Sum());
        Assert.All(balances, b => Assert.True(b >= 0, $"negative balance {b}"));
        Assert.Equal(settlementBefore, await _api.SettlementBalancesAsync(fixture.AdminToken));

        var ledgers = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
        for (var i = 0; i < Customers; i++)
        {
            var entries = await _api.AllEntriesAsync(holders[i].AccountId, holders[i].Token, 100);
            ledgers[holders[i].AccountId] = entries;
            Assert.Equal(balances[i], entries.Sum(e => e.Amount()));
            Assert.Equal(balances[i], entries[0].GetProperty("balanceAfter").GetDecimal());
            Assert.DoesNotContain(entries, e => e.Kind() == "Reversal");
        }

        foreach (var (request, json) in completed)
        {
            var id = json.Str("id");
            var outs = ledgers[request.Payer.AccountId].Where(e => e.Reference() == id).ToList();
            var ins = ledgers[request.PayeeAccountId].Where(e => e.Reference() == id).ToList();
            Assert.Equal("PaymentOut", Assert.Single(outs).Kind());
            Assert.Equal(-request.Amount, outs[0].Amount());
            Assert.Equal("PaymentIn", Assert.Single(ins).Kind());
            Assert.Equal(request.Amount, ins[0].Amount());
        }

        var declinedIds = declined.Concat(challenged).Select(p => p.Json.Str("id")).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(ledgers.Values.SelectMany(l => l), e => declinedIds.Contains(e.Reference()));
        var paymentEntries = ledgers.Values.SelectMany(l => l).Count(e => e.Kind() is "PaymentOut" or "PaymentIn");
        Assert.Equal(2 * completed.Count, paymentEntries);
    }

    /// <summary>Unique payments plus about a third of copies (same key, same body) of some of them, shuffled.</summary>
    private static List<PaymentRequest> Plan(Holder[] holders, Random random)
    {
        var unique = new List<PaymentRequest>();
        for (var i = 0; i < Requests * 2 / 3; i++)
        {
            var from = random.Next(Customers);
            var to = (from + 1 + random.Next(Customers - 1)) % Customers;
            var amount = random.Next(10) switch
            {
                0 => random.Next(2_000_001, 5_000_000) / 100m, // more than all the money there is: always declined
                < 4 => random.Next(200_000, 800_000) / 100m, // often more than the payer holds
                _ => random.Next(1, 50_000) / 100m,
            };
            unique.Add(new PaymentRequest(holders[from], holders[to].AccountId, amount, ApiSteps.NewKey()));
        }

        var all = new List<PaymentRequest>(unique);
        while (all.Count < Requests)
        {
            all.Add(unique[random.Next(unique.Count)]);
        }

        return [.. all.OrderBy(_ => random.Next())];
    }

    private sealed record PaymentRequest(Holder Payer, string PayeeAccountId, decimal Amount, string Key)
    {
        public object Body => new
        {
            fromAccountId = Payer.AccountId,
            toAccountId = PayeeAccountId,
            amount = Amount,
            currency = "CNY",
            channel = "app",
            deviceId = "device-1",
        };
    }
}
