using Orleans.Concurrency;
using Orleans.Fin.Accounts.Domain;
using Orleans.Fin.Common;
using Orleans.Fin.Payments;

namespace Orleans.Fin.Accounts;

/// <summary>
/// Walks the account registry and the bank's own accounts (which exist implicitly, so they are enumerated rather than
/// registered) and the pending-movements index. Reads only committed state and never waits behind a posting.
/// </summary>
[StatelessWorker]
public sealed class LedgerIntegrityGrain(TimeProvider clock) : Grain, ILedgerIntegrityGrain
{
    public async Task<LedgerIntegrity> Check()
    {
        var customers = Enumerable.Range(0, IAccountRegistryGrain.Shards)
            .Select(shard => GrainFactory.GetGrain<IAccountRegistryGrain>(shard).SumBalances());
        var bank = Task.WhenAll(Currencies.Supported.SelectMany(SystemAccounts.All).Select(id => GrainFactory.GetGrain<IAccountGrain>(id).Get()));
        var pending = Task.WhenAll(Enumerable.Range(0, IPendingMovementsGrain.Shards)
            .Select(shard => GrainFactory.GetGrain<IPendingMovementsGrain>(shard).Summary()));

        var parts = (await Task.WhenAll(customers)).Append(LedgerSums.Of((await bank).OfType<AccountView>()));
        var totals = LedgerSums.Combine(parts);
        var summaries = await pending;
        return new LedgerIntegrity(
            totals.Currencies,
            totals.Accounts,
            summaries.Sum(s => s.Count),
            LedgerSums.OldestAgeSeconds(summaries.Select(s => s.OldestPlannedAt), clock.GetUtcNow()));
    }
}
