using Orleans.Fin.Accounts;
using Orleans.Fin.Common;

namespace Orleans.Fin.TestSupport;

/// <summary>An account as a busy customer's is stored: its 32 newest entries, payments out to other platform accounts.</summary>
public static class BusyAccountState
{
    public static AccountState Build(DateTimeOffset now)
    {
        var account = new AccountState { CustomerId = FinIds.New("cus", now.AddDays(-30)), Currency = "CNY", Balance = 100_000m };
        for (var i = 1; i <= 32; i++)
        {
            account.Recent.Add(new EntryRecord
            {
                Sequence = i, At = now.AddSeconds(i * 1.25), Amount = -(i * 3.17m), BalanceAfter = 100_000m - (i * 3.17m), Kind = EntryKind.PaymentOut,
                Reference = FinIds.New("pay", now.AddSeconds(i)), Counterparty = FinIds.New("acc", now.AddDays(-i)),
            });
        }

        return account;
    }
}
