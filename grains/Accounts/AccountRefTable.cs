using System.Collections.Concurrent;
using Orleans.Fin.Common;

namespace Orleans.Fin.Accounts;

/// <summary>
/// The <see cref="AccountRef"/>s a silo has seen, held small: a node keeps one per account it has moved money on, for as
/// long as it runs, so this is paid per customer. An account id and its owner's id in their canonical spelling are held
/// as prefix codes and bits (<see cref="PlatformIdBits"/>: 17 bytes where the string takes 88, compared exactly), the
/// currency shared as stored states share it (<see cref="StateStrings"/>); any other id is held as its text.
/// <see cref="TryGet"/> gives back a reference equal to the one added under that id. At <c>capacity</c> entries the table
/// is emptied, so it never grows past it.
/// </summary>
public sealed class AccountRefTable(int capacity)
{
    private readonly ConcurrentDictionary<PackedId, Facts> _packed = new();
    private readonly ConcurrentDictionary<string, AccountRef> _other = new(StringComparer.Ordinal);

    public int Count => _packed.Count + _other.Count;

    public bool TryGet(string accountId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AccountRef? found)
    {
        if (PlatformIdBits.TryPack(accountId, out var prefix, out var bits) && _packed.TryGetValue(new PackedId(bits, prefix), out var facts))
        {
            found = facts.ToRef(accountId);
            return true;
        }

        return _other.TryGetValue(accountId, out found);
    }

    /// <summary>Keeps <paramref name="account"/> as what <paramref name="accountId"/> names.</summary>
    public void Add(string accountId, AccountRef account)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(account);
        if (Count >= capacity)
        {
            _packed.Clear();
            _other.Clear();
        }

        // Packed, the id is given back as the text it was looked up by, so only a reference that names itself packs.
        if (string.Equals(account.Id, accountId, StringComparison.Ordinal) && PlatformIdBits.TryPack(accountId, out var prefix, out var bits))
        {
            _packed[new PackedId(bits, prefix)] = Facts.Of(account, StateStrings.Share(account.Currency));
        }
        else
        {
            _other[accountId] = account;
        }
    }

    private readonly record struct PackedId(UInt128 Bits, byte Prefix);

    /// <summary>What the table keeps of an account besides its id: the owner as bits when it packs, else as text.</summary>
    private readonly record struct Facts(UInt128 OwnerBits, string? OwnerText, string Currency, AccountKind Kind, byte OwnerPrefix)
    {
        public static Facts Of(AccountRef account, string currency) =>
            PlatformIdBits.TryPack(account.CustomerId, out var prefix, out var bits)
                ? new Facts(bits, null, currency, account.Kind, prefix)
                : new Facts(0, account.CustomerId, currency, account.Kind, 0);

        public AccountRef ToRef(string accountId) =>
            new(accountId, OwnerText ?? PlatformIdBits.ToText(OwnerPrefix, OwnerBits), Currency, Kind);
    }
}
