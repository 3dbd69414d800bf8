using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Orleans.Fin.Chaos;

/// <summary>Reads every account of the run and its full statement through the REST API, as the account's owner.</summary>
public sealed class LedgerReader(ChaosApi api)
{
    /// <summary>How long a read of an account may take while the system recovers or after.</summary>
    public static readonly TimeSpan ReadBudget = TimeSpan.FromSeconds(1);

    public async Task<(List<AccountSnapshot> Accounts, List<string> Failures)> ReadAllAsync(IReadOnlyList<ChaosCustomer> customers)
    {
        var snapshots = new List<AccountSnapshot>();
        var failures = new List<string>();
        await Parallel.ForEachAsync(customers.SelectMany(c => c.Accounts.Select(a => (Customer: c, Account: a))), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, _) =>
        {
            var (snapshot, failure) = await ReadAsync(item.Customer.Token, item.Account);
            lock (snapshots)
            {
                if (snapshot is not null)
                {
                    snapshots.Add(snapshot);
                }

                if (failure is not null)
                {
                    failures.Add(failure);
                }
            }
        });
        return (snapshots, failures);
    }

    private async Task<(AccountSnapshot?, string?)> ReadAsync(string token, ChaosAccount account)
    {
        // One read may miss the budget (a cold activation on a busy machine); the second one must not.
        Answer read = null!;
        var slow = 0;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            read = await api.GetAsync($"/accounts/{account.Id}", token, ReadBudget);
            if (read.Status == 200)
            {
                break;
            }

            slow++;
        }

        if (read.Status != 200 || read.Body is not { } body)
        {
            return (null, $"account {account.Id} did not answer a read within {ReadBudget.TotalSeconds:F0} s twice in a row (last: {read.Describe()})");
        }

        var entries = new List<EntryLine>();
        string? cursor = null;
        do
        {
            var path = $"/accounts/{account.Id}/entries?limit=500" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await api.GetAsync(path, token, TimeSpan.FromSeconds(10));
            if (page.Status != 200 || page.Body is not { } pageBody)
            {
                return (null, $"the statement of account {account.Id} could not be read: {path} answered {page.Describe()}");
            }

            entries.AddRange(pageBody.GetProperty("items").EnumerateArray().Select(e => new EntryLine(
                account.Id, e.GetProperty("amount").GetDecimal(), e.GetProperty("balanceAfter").GetDecimal(),
                e.GetProperty("kind").ToString(), e.GetProperty("reference").GetString() ?? "",
                e.TryGetProperty("counterpartyAccountId", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null)));
            cursor = pageBody.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);

        return (new AccountSnapshot(account, body.GetProperty("balance").GetDecimal(), read.Elapsed, slow, entries), null);
    }
}
