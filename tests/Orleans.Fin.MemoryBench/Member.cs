using Orleans.Fin.Common;

namespace Orleans.Fin.MemoryBench;

/// <summary>
/// One onboarded customer of the run as the tool keeps it between phases: its id and its one account's id as prefix codes
/// and bits (<see cref="PlatformIdBits"/>), 48 bytes in the run's array. The tool runs the node in its own process, so
/// whatever it keeps per customer is counted in every heap figure; a node keeps none of it. Tokens are made when a
/// customer acts, and its device id is made from the run and the customer's place in it.
/// </summary>
public readonly record struct Member(byte CustomerPrefix, byte AccountPrefix, UInt128 Customer, UInt128 Account)
{
    public string CustomerId => PlatformIdBits.ToText(CustomerPrefix, Customer);

    public string AccountId => PlatformIdBits.ToText(AccountPrefix, Account);

    public static Member Of(string customerId, string accountId)
    {
        if (!PlatformIdBits.TryPack(customerId, out var customerPrefix, out var customer)
            || !PlatformIdBits.TryPack(accountId, out var accountPrefix, out var account))
        {
            throw new InvalidOperationException($"Ids {customerId} and {accountId} are not platform ids in their canonical spelling.");
        }

        return new Member(customerPrefix, accountPrefix, customer, account);
    }
}
