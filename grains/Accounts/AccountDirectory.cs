namespace Orleans.Fin.Accounts;

/// <summary>What never changes about an account once opened: owner, currency, kind.</summary>
public sealed record AccountRef(string Id, string CustomerId, string Currency, AccountKind Kind);

/// <summary>
/// A silo-local cache of <see cref="AccountRef"/>s, so a movement does not ask an account grain for facts that cannot
/// change. Only opened accounts are cached; balances and status are always read from the account grain. The cache is
/// held small (<see cref="AccountRefTable"/>), since it keeps every account the node has seen.
/// </summary>
public sealed class AccountDirectory(IGrainFactory grains)
{
    private const int Capacity = 200_000;
    private readonly AccountRefTable _known = new(Capacity);

    public async ValueTask<AccountRef?> FindAsync(string accountId)
    {
        if (_known.TryGet(accountId, out var known))
        {
            return known;
        }

        var view = await grains.GetGrain<IAccountGrain>(accountId).Get();
        if (view is null)
        {
            return null;
        }

        var found = new AccountRef(view.Id, view.CustomerId, view.Currency, view.Kind);
        _known.Add(accountId, found);
        return found;
    }
}
