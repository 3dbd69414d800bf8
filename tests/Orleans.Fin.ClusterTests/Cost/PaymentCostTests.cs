using Microsoft.Extensions.DependencyInjection;
using Orleans.Fin.Common;
using Orleans.Fin.Payments;
using Xunit.Abstractions;

namespace Orleans.Fin.ClusterTests.Cost;

/// <summary>
/// What one payment costs the silo in grain calls and state writes, counted on a silo of its own. Each measured
/// payment has its own payer and payee, one payment each, one after the other, all active and warmed up: the risk
/// grains' debounced flushes then cost each customer one write per payment (the most they can), and no two payments
/// share a pending-index write (under load concurrent payments do). The counts include everything the payment causes
/// once it returned: stream deliveries, one-way releases, flushes.
/// </summary>
public sealed class PaymentCostTests(ITestOutputHelper output)
{
    private const int Payments = 20;

    /// <summary>More legs than an account keeps settled (512), so the busy accounts hold as many as they ever do.</summary>
    private const int BusyPayments = 1_100;

    /// <summary>The most one posting on a busy account may write to its own state (bytes of JSON).</summary>
    private const long MaxBusyAccountWrite = 8 * 1024;

    /// <summary>The most a payment between busy accounts may write to both accounts' states, archives included.</summary>
    private const long MaxBusyAccountBytesPerPayment = 16 * 1024;

    /// <summary>Longer than the risk grains' flush (1 s) and the pending index's sweep (3 s), which write what payments left.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task Payment_ScoringOff_CostsTheCountedCallsAndWrites()
    {
        var meter = await MeasureAsync(scoring: false);

        AssertPaymentPath(meter);
    }

    [Fact]
    public async Task Payment_ScoringOn_CostsTheCountedCallsAndWrites()
    {
        var meter = await MeasureAsync(scoring: true);

        AssertPaymentPath(meter);
    }

    /// <summary>
    /// Two customers paying each other hundreds of times, as the load benchmark's accounts do: what an account writes
    /// per posting once it remembers as many settled legs as it keeps.
    /// </summary>
    [Fact]
    public async Task Payment_BusyAccounts_WriteTheCountedBytes()
    {
        await using var cost = await CostCluster.StartAsync(scoring: false);
        var scenario = new ClusterScenario(cost.Client);
        var (first, firstAccount) = await scenario.FundedAccountAsync(100_000m);
        var (second, secondAccount) = await scenario.FundedAccountAsync(100_000m);
        for (var i = 0; i < BusyPayments; i++)
        {
            await (i % 2 == 0 ? PayAsync(cost.Client, first, firstAccount, secondAccount) : PayAsync(cost.Client, second, secondAccount, firstAccount));
        }

        cost.Meter.Reset();
        for (var i = 0; i < Payments; i++)
        {
            await (i % 2 == 0 ? PayAsync(cost.Client, first, firstAccount, secondAccount) : PayAsync(cost.Client, second, secondAccount, firstAccount));
        }

        await Task.Delay(Settle);
        output.WriteLine($"busy accounts: {cost.Meter.Report(Payments)}");
        Assert.Equal(2 * Payments, cost.Meter.Writes("account", "account"));

        // Each account moves its settled legs to its archive once per 64 of them: at most once in 20 postings.
        Assert.InRange(cost.Meter.Writes("account", "settledLegs"), 0, 2);

        // 512 settled transfer ids written with every posting made it about 22 KB; each settled leg kept whole (amount,
        // times, flags) made it 120 KB. Now the account writes fewer than 64 of them, and the archive takes the rest.
        Assert.InRange(cost.Meter.BytesWritten("account", "account") / cost.Meter.Writes("account", "account"), 1, MaxBusyAccountWrite);
        Assert.InRange(cost.Meter.BytesWritten("account") / Payments, 1, MaxBusyAccountBytesPerPayment);
    }

    /// <summary>
    /// Notices that movements are final, queued on one silo within the flush period, reach each shard in one call:
    /// hundreds of removals cost at most one call a shard, and the entries are gone from the index afterwards.
    /// </summary>
    [Fact]
    public async Task IndexRemovals_QueuedTogether_CostOneCallAShard()
    {
        await using var cost = await CostCluster.StartAsync(scoring: false);
        var ids = Enumerable.Range(0, 200).Select(_ => FinIds.New(IdPrefixes.Payment, DateTimeOffset.UtcNow)).ToList();
        foreach (var id in ids.Take(32))
        {
            await cost.Client.GetGrain<IPendingMovementsGrain>(IPendingMovementsGrain.ShardOf(id)).Add(id, DateTimeOffset.UtcNow);
        }

        var removals = cost.Cluster.Silos[0].ServiceProvider.GetRequiredService<PendingIndexRemovals>();
        cost.Meter.Reset();
        foreach (var id in ids)
        {
            removals.Remove(id);
        }

        removals.Flush();
        await Task.Delay(PendingIndexRemovals.FlushPeriod * 3); // the period's own flush finds nothing left to send
        var shards = ids.Select(IPendingMovementsGrain.ShardOf).Distinct().Count();
        output.WriteLine($"200 removals over {shards} shards: {cost.Meter.Calls("pendingmovements", "RemoveMany")} calls");

        // Exactly one a shard unless the machine stalled the loop past the flush period, which can split it in two.
        Assert.InRange(cost.Meter.Calls("pendingmovements", "RemoveMany"), shards, 2 * shards);
        foreach (var id in ids.Take(32))
        {
            Assert.False(await cost.Client.GetGrain<IPendingMovementsGrain>(IPendingMovementsGrain.ShardOf(id)).Contains(id));
        }
    }

    private static void AssertPaymentPath(GrainCostMeter meter)
    {
        Assert.Equal(Payments, meter.Calls("moneymovement"));
        Assert.Equal(2 * Payments, meter.Writes("moneymovement"));
        Assert.Equal(2 * Payments, meter.Writes("account"));
        Assert.InRange(meter.Writes("pendingmovements"), Payments, Payments + 16);

        // Every movement enters the index and waits for it; leaving is a notice sent with others bound for the same shard.
        Assert.Equal(Payments, meter.Calls("pendingmovements", "Add"));
        Assert.InRange(meter.Calls("pendingmovements", "RemoveMany"), 1, Payments);

        // State is kept in the process on the embedded node: no read or write is a call to a storage grain.
        Assert.DoesNotContain(meter.CallsByGrain().Keys, grain => grain.Contains("storage", StringComparison.Ordinal));
    }

    private async Task<GrainCostMeter> MeasureAsync(bool scoring)
    {
        await using var cost = await CostCluster.StartAsync(scoring);
        var scenario = new ClusterScenario(cost.Client);
        var pairs = new List<(string Payer, string From, string To)>();
        for (var i = 0; i < Payments; i++)
        {
            var (payer, from) = await scenario.FundedAccountAsync(1_000m);
            var (_, to) = await scenario.FundedAccountAsync(0m);
            pairs.Add((payer, from, to));
        }

        foreach (var (payer, from, to) in pairs)
        {
            await PayAsync(cost.Client, payer, from, to); // every grain of the path active, the risk grains' profiles read
        }

        await Task.Delay(Settle);
        cost.Meter.Reset();
        foreach (var (payer, from, to) in pairs)
        {
            Assert.Equal(MovementStatus.Completed, (await PayAsync(cost.Client, payer, from, to)).Status);
        }

        await Task.Delay(Settle);
        output.WriteLine($"scoring {(scoring ? "on" : "off")}: {cost.Meter.Report(Payments)}");
        return cost.Meter;
    }

    private static Task<MovementResult> PayAsync(IClusterClient client, string payer, string from, string to) =>
        client.GetGrain<IMoneyMovementGrain>(FinIds.New(IdPrefixes.Payment, DateTimeOffset.UtcNow))
            .Execute(ClusterScenario.Payment(payer, from, to, 25m));
}
