using Orleans.Fin.Accounts;
using Orleans.Fin.Payments;

namespace Orleans.Fin.ClusterTests;

/// <summary>
/// Checks after a fault on a loan or fund-order path: the movement posted at most once on each side and both sides
/// cancel out (money conserved, including the loan book's and fund custody's shard), and waits for what is pending.
/// </summary>
public sealed class MoneyPathChecks(IClusterClient client)
{
    private const int PageSize = 200;
    private const int MaxPages = 25;

    public async Task<MovementTrace> TraceAsync(string movementId, string customerAccountId, string systemAccountId)
    {
        var customer = await EntriesOfAsync(customerAccountId, movementId);
        var system = await EntriesOfAsync(systemAccountId, movementId);
        return new MovementTrace(customer.Count, customer.Sum(e => e.Amount), system.Count, system.Sum(e => e.Amount));
    }

    public async Task<MovementStatus?> StatusAsync(string movementId) =>
        (await client.GetGrain<IMoneyMovementGrain>(movementId).Get())?.Status;

    public Task<MovementResult> WithdrawAsync(string customerId, string accountId, decimal amount)
    {
        var id = Common.FinIds.New(Common.IdPrefixes.Withdrawal, DateTimeOffset.UtcNow);
        return client.GetGrain<IMoneyMovementGrain>(id).Execute(
            new MovementRequest(MovementKind.Withdrawal, $"wdr:{accountId}:{amount}", customerId, accountId, null, amount, "", "test"));
    }

    /// <summary>The call fails with the retryable Unavailable error: nothing of it was kept, the same request may be sent again.</summary>
    public static async Task ThrowsUnavailableAsync(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<Common.FinException>(call);
        Assert.Equal(Common.FinErrorCode.Unavailable, error.Code);
    }

    /// <summary>Polls until the condition holds (the system finishing on its own); false after the timeout.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition())
                {
                    return true;
                }
            }
            catch (TimeoutException)
            {
                // a grain still busy recovering: ask again
            }

            await Task.Delay(200);
        }

        return false;
    }

    private async Task<List<LedgerEntry>> EntriesOfAsync(string accountId, string movementId)
    {
        var found = new List<LedgerEntry>();
        long? before = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var entries = await client.GetGrain<IAccountGrain>(accountId).GetEntries(before, PageSize);
            found.AddRange(entries.Items.Where(e => e.Reference == movementId));
            if (entries.NextBefore is not { } next)
            {
                break;
            }

            before = next;
        }

        return found;
    }
}
