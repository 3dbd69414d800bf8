using Orleans.Fin.Accounts;
using Orleans.Fin.Payments;

namespace Orleans.Fin.ClusterTests;

/// <summary>What must hold after any fault: conservation, each leg once, nothing pending, statements that add up.</summary>
public sealed class LedgerChecks(IClusterClient client)
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Waits, without retrying any request, until the movement has left the pending index; fails after 30 s.</summary>
    public async Task WaitUntilFinalAsync(string movementId)
    {
        var shard = client.GetGrain<IPendingMovementsGrain>(IPendingMovementsGrain.ShardOf(movementId));
        var deadline = DateTimeOffset.UtcNow + SettleTimeout;
        while (await shard.Contains(movementId))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Movement {movementId} was still pending after {SettleTimeout.TotalSeconds} s.");
            await Task.Delay(200);
        }
    }

    /// <summary>Waits until no movement is pending anywhere, then checks that every currency sums to zero.</summary>
    public async Task AssertConservedAsync()
    {
        var integrity = client.GetGrain<ILedgerIntegrityGrain>(0);
        var deadline = DateTimeOffset.UtcNow + SettleTimeout;
        var result = await integrity.Check();
        while (result.PendingMovements > 0 || result.Currencies.Any(c => c.Sum != 0))
        {
            Assert.True(
                DateTimeOffset.UtcNow < deadline,
                $"Ledger not settled: {result.PendingMovements} pending, sums {string.Join(", ", result.Currencies.Select(c => $"{c.Currency} {c.Sum}"))}.");
            await Task.Delay(250);
            result = await integrity.Check();
        }
    }

    /// <summary>The account's full statement (sealed segments included) adds up to its balance, sequence 1…n without gaps.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> AssertStatementAddsUpAsync(string accountId)
    {
        var account = client.GetGrain<IAccountGrain>(accountId);
        var balance = (await account.Get())!.Balance;
        var entries = new List<LedgerEntry>();
        long? before = null;
        do
        {
            var page = await account.GetEntries(before, 100);
            entries.AddRange(page.Items);
            before = page.NextBefore;
        }
        while (before is not null);

        Assert.Equal(balance, entries.Sum(e => e.Amount));
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i).Reverse(), entries.Select(e => e.Sequence));
        return entries;
    }

    /// <summary>The movement left exactly one entry on the account (no reversal).</summary>
    public async Task AssertAppliedOnceAsync(string accountId, string movementId)
    {
        var entries = await AssertStatementAddsUpAsync(accountId);
        Assert.Single(entries, e => e.Reference == movementId);
    }
}
