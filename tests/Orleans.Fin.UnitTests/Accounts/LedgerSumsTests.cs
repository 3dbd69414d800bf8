using Orleans.Fin.Accounts;
using Orleans.Fin.Accounts.Domain;

namespace Orleans.Fin.UnitTests.Accounts;

public sealed class LedgerSumsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_Accounts_SumsPerCurrencyAndCounts()
    {
        var totals = LedgerSums.Of([View("CNY", 100m), View("USD", -5m), View("CNY", -100m), View("USD", 2.5m)]);

        Assert.Equal([new CurrencySum("CNY", 0m), new CurrencySum("USD", -2.5m)], totals.Currencies);
        Assert.Equal(4, totals.Accounts);
    }

    [Fact]
    public void Combine_Parts_AddsSumsAndCounts()
    {
        var totals = LedgerSums.Combine(
        [
            new LedgerTotals([new CurrencySum("CNY", 10m)], 2),
            new LedgerTotals([new CurrencySum("CNY", -10m), new CurrencySum("EUR", 1m)], 3),
        ]);

        Assert.Equal([new CurrencySum("CNY", 0m), new CurrencySum("EUR", 1m)], totals.Currencies);
        Assert.Equal(5, totals.Accounts);
    }

    [Fact]
    public void OldestAgeSeconds_None_IsNull() => Assert.Null(LedgerSums.OldestAgeSeconds([null, null], Now));

    [Fact]
    public void OldestAgeSeconds_Several_IsAgeOfTheOldest() =>
        Assert.Equal(90.5, LedgerSums.OldestAgeSeconds([Now.AddSeconds(-3), null, Now.AddSeconds(-90.5)], Now));

    private static AccountView View(string currency, decimal balance) =>
        new("acc", "cus", currency, AccountKind.Customer, balance, balance, AccountStatus.Active, null, null, null, Now, 0m, 0m);
}
