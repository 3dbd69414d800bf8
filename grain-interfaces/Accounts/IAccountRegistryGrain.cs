using Orleans.Concurrency;
using Orleans.Fin.Common;

namespace Orleans.Fin.Accounts;

/// <summary>
/// The durable list of opened customer accounts, sharded by account id (key 0 … <see cref="Shards"/> - 1): what the
/// ledger integrity check walks. An account registers before its opening is written, so no opened account is missing.
/// </summary>
[Alias("fin.IAccountRegistryGrain")]
public interface IAccountRegistryGrain : IGrainWithIntegerKey
{
    public const int Shards = 16;

    [Alias("Register")]
    Task Register(string accountId);

    /// <summary>The committed balance of every registered account that is open, summed per currency.</summary>
    [AlwaysInterleave]
    [Alias("SumBalances")]
    Task<LedgerTotals> SumBalances();

    public static long ShardOf(string accountId) => ShardHash.Fnv1a(accountId) % Shards;
}
