using Orleans.Fin.Accounts.Domain;
using Orleans.Fin.Common;

namespace Orleans.Fin.Accounts;

/// <summary>One shard of the list of opened customer accounts.</summary>
public sealed class AccountRegistryGrain(
    [PersistentState("account-registry", FinNames.Storage)] IPersistentState<AccountRegistryState> state) : Grain, IAccountRegistryGrain
{
    /// <summary>How many accounts are read at once while summing.</summary>
    private const int ReadBatch = 256;

    public async Task Register(string accountId)
    {
        if (state.State.AccountIds.Contains(accountId))
        {
            return;
        }

        var next = new AccountRegistryState { AccountIds = [.. state.State.AccountIds, accountId] };
        var committed = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            state.State = committed;
            DeactivateOnIdle(); // the stored etag is unknown now: the next activation reads what was committed
            throw new FinException(FinErrorCode.Unavailable, $"The account could not be registered ({ex.GetType().Name}); retry.");
        }
    }

    public async Task<LedgerTotals> SumBalances()
    {
        var ids = state.State.AccountIds.ToList();
        var views = new List<AccountView>(ids.Count);
        foreach (var batch in ids.Chunk(ReadBatch))
        {
            var read = await Task.WhenAll(batch.Select(id => GrainFactory.GetGrain<IAccountGrain>(id).Get()));
            views.AddRange(read.OfType<AccountView>());
        }

        return LedgerSums.Of(views);
    }
}
