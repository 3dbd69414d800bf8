using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;
using Xunit.Abstractions;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ZeroSumConcurrencyTests(FinNodeFixture fixture, ITestOutputHelper output)
{
    private const int Customers = 4;
    private const int Requests = 300;

    // Each account opens with one largest movement's worth, so some outgoing movement can complete whichever requests
    // the burst happens to run first (with empty accounts a loaded machine once declined every withdrawal).
    private const decimal Opening = 800m;

    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task Movements_ParallelDepositsWithdrawalsAndPayments_CustomersPlusSettlementStayZeroSum()
    {
        // Tests of this collection run one at a time, so only this test moves money through the settlement shards now.
        var settlementBefore = (await _api.SettlementBalancesAsync(fixture.AdminToken)).Values.Sum();
        var holders = await Task.WhenAll(Enumerable.Range(0, Customers).Select(_ => _api.FundedAccountAsync(Opening)));
        var requests = Plan(holders, new Random(777));

        var responses = await Task.WhenAll(requests.Select(async r =>
        {
            using var response = await _api.SendAsync(HttpMethod.Post, r.Path, r.Holder.Token, r.Body, r.Key);
            return (Request: r, Status: response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(responses, r => Assert.True(r.Status == HttpStatusCode.Created, $"{r.Request.Path} {r.Status}: {r.Body}"));
        foreach (var sameKey in responses.GroupBy(r => (r.Request.Kind, r.Request.Key)))
        {
            Assert.Single(sameKey.Select(r => r.Body).Distinct());
        }

        var movements = responses.GroupBy(r => (r.Request.Kind, r.Request.Key))
            .Select(g => (Request: g.First().Request, Json: JsonDocument.Parse(g.First().Body).RootElement)).ToList();
        var completed = movements.Where(m => m.Json.Str("status") == "Completed").ToList();
        var declined = movements.Where(m => m.Json.Str("status") != "Completed").ToList();
        Assert.All(declined, m => Assert.Equal("InsufficientFunds", m.Json.Str("declineReason")));
        output.WriteLine($"{responses.Length} requests, {movements.Count} distinct keys: {completed.Count} completed, {declined.Count} declined");
        Assert.Contains(declined, m => m.Request.Kind == "withdrawal");
        Assert.Contains(completed, m => m.Request.Kind == "withdrawal");

        var balances = await Task.WhenAll(holders.Select(h => _api.BalanceAsync(h.AccountId, h.Token)));
        var settlementAfter = (await _api.SettlementBalancesAsync(fixture.AdminToken)).Values.Sum();
        Assert.All(balances, b => Assert.True(b >= 0, $"negative balance {b}"));
        var deposited = completed.Where(m => m.Request.Kind == "deposit").Sum(m => m.Request.Amount);
        var withdrawn = completed.Where(m => m.Request.Kind == "withdrawal").Sum(m => m.Request.Amount);
        Assert.Equal((Customers * Opening) + deposited - withdrawn, balances.Sum());
        Assert.Equal(0m, balances.Sum() + (settlementAfter - settlementBefore));

        var ledgers = new List<JsonElement>();
        for (var i = 0; i < Customers; i++)
        {
            var entries = await _api.AllEntriesAsync(holders[i].AccountId, holders[i].Token, 100);
            Assert.Equal(balances[i], entries.Sum(e => e.Amount()));
            ledgers.AddRange(entries);
        }

        var expectedKinds = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["deposit"] = ["Deposit"],
            ["withdrawal"] = ["Withdrawal"],
            ["payment"] = ["PaymentIn", "PaymentOut"],
        };
        foreach (var (request, json) in completed)
        {
            var kinds = ledgers.Where(e => e.Reference() == json.Str("id")).Select(e => e.Kind()).Order(StringComparer.Ordinal);
            Assert.Equal(expectedKinds[request.Kind], kinds);
        }

        var declinedIds = declined.Select(m => m.Json.Str("id")).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(ledgers, e => declinedIds.Contains(e.Reference()));
    }

    private static List<Movement> Plan(Holder[] holders, Random random)
    {
        var unique = new List<Movement>();
        for (var i = 0; i < Requests * 2 / 3; i++)
        {
            var holder = holders[random.Next(Customers)];
            var amount = random.Next(1, 80_000) / 100m;
            unique.Add(random.Next(3) switch
            {
                0 => new Movement("deposit", holder, $"/accounts/{holder.AccountId}/deposits", amount, ApiSteps.NewKey(),
                    new { amount, channel = "bank-transfer" }),
                1 => new Movement("withdrawal", holder, $"/accounts/{holder.AccountId}/withdrawals", amount, ApiSteps.NewKey(),
                    new { amount }),
                _ => Payment(holder, holders.Where(h => h != holder).ElementAt(random.Next(Customers - 1)), amount),
            });
        }

        var all = new List<Movement>(unique);
        while (all.Count < Requests)
        {
            all.Add(unique[random.Next(unique.Count)]);
        }

        return [.. all.OrderBy(_ => random.Next())];
    }

    private static Movement Payment(Holder from, Holder to, decimal amount) =>
        new("payment", from, "/payments", amount, ApiSteps.NewKey(), new
        {
            fromAccountId = from.AccountId,
            toAccountId = to.AccountId,
            amount,
            currency = "CNY",
            channel = "qr",
            deviceId = "device-1",
        });

    private sealed record Movement(string Kind, Holder Holder, string Path, decimal Amount, string Key, object Body);
}
