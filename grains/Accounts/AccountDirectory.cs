using System.Collections.Concurrent;

namespace Orleans.Fin.Accounts;

/// <summary>What never changes about an account once opened: owner, currency, kind.</summary>
public sealed record AccountRef(string Id, string CustomerId, string Currency, AccountKind Kind);

/// <summary>
/// A silo-local cache of <see cref="AccountRef"/>s, so a movement does not ask an account grain for facts that cannot
/// change. Only opened accounts are cached; balances and status are always read from the account grain.
/// </summary>
public sealed class AccountDirectory(IGrainFactory grains)
{
    private const int Capacity = 200_000;
    private readonly ConcurrentDictionary<string, AccountRef> _known = new(StringComparer.Ordinal);

    public async ValueTask<AccountRef?> FindAsync(string accountId)
    {
        if (_known.TryGetValue(accountId, out var known))
        {
            return known;
        }

        var view = await grains.GetGrain<IAccountGrain>(accountId).Get();
        if (view is null)
        {
            return null;
        }

        if (_known.Count >= Capacity)
        {
            _known.Clear();
        }

        var found = new AccountRef(view.Id, view.CustomerId, view.Currency, view.Kind);
        _known[accountId] = found;
        return found;
    }
}
