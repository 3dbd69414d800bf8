using Orleans.Fin.Accounts;
using Orleans.Fin.Accounts.Domain;

namespace Orleans.Fin.UnitTests.Accounts;

/// <summary>Accounts and postings for the ledger tests: CNY, a daily limit of 1,000, one fixed business day.</summary>
internal static class Ledger
{
    public const decimal Limit = 1_000m;

    public static readonly DateOnly Day = new(2026, 3, 15);

    public static readonly DateTimeOffset At = new(2026, 3, 15, 2, 0, 0, TimeSpan.Zero);

    public static AccountState Customer(decimal balance = 0m, AccountStatus status = AccountStatus.Active) =>
        new() { Opened = true, CustomerId = "cus_1", Currency = "CNY", Kind = AccountKind.Customer, Balance = balance, Status = status };

    public static AccountState Bank(AccountKind kind = AccountKind.Settlement) =>
        new() { Opened = true, CustomerId = "bank", Currency = "CNY", Kind = kind };

    public static Posting Credit(decimal amount, string transferId = "pay_in", string currency = "CNY") =>
        new(transferId, amount, currency, EntryKind.PaymentIn, transferId, "acc_other", null, null, false);

    public static Posting Debit(decimal amount, string transferId = "pay_out", bool counts = true, string currency = "CNY") =>
        new(transferId, -amount, currency, EntryKind.PaymentOut, transferId, "acc_other", null, "cus_1", counts);

    /// <summary>Checks and applies; fails the test when the posting is declined.</summary>
    public static EntryRecord Post(AccountState account, Posting posting, DateOnly? day = null, DateTimeOffset? at = null)
    {
        var reason = AccountLedger.Check(account, posting, day ?? Day, Limit);
        Assert.Null(reason);
        return AccountLedger.Apply(account, posting, at ?? At, day ?? Day);
    }
}
