using Orleans.Fin.Payments.Domain;

namespace Orleans.Fin.UnitTests.Payments;

public sealed class FxRatesTests
{
    [Fact]
    public void CrossRate_UsdToCny_IsTheTableRate() => Assert.Equal(7.105m, FxRates.CrossRate(Movements.Rates, "USD", "CNY"));

    [Fact]
    public void CrossRate_CnyToUsd_IsTheInverseRoundedTo6Places() =>
        Assert.Equal(0.140746m, FxRates.CrossRate(Movements.Rates, "CNY", "USD")); // 1 / 7.105 = 0.14074595…

    [Fact]
    public void CrossRate_EurToHkd_GoesThroughCny() =>
        Assert.Equal(8.470640m, FxRates.CrossRate(Movements.Rates, "EUR", "HKD")); // 7.7320 / 0.9128 = 8.47063978…

    [Fact]
    public void CrossRate_HkdToEur_GoesThroughCny() =>
        Assert.Equal(0.118055m, FxRates.CrossRate(Movements.Rates, "HKD", "EUR")); // 0.9128 / 7.7320 = 0.11805483…

    [Theory]
    [InlineData("CNY", "USD")]
    [InlineData("USD", "EUR")]
    [InlineData("EUR", "HKD")]
    [InlineData("HKD", "CNY")]
    public void CrossRate_AnyPair_HasAtMost6DecimalPlaces(string from, string to)
    {
        var rate = FxRates.CrossRate(Movements.Rates, from, to);

        Assert.Equal(decimal.Round(rate, 6), rate);
    }

    [Fact]
    public void CrossRate_MidpointAt7thPlace_RoundsAwayFromZero()
    {
        var rates = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["CNY"] = 1m, ["XAA"] = 1.0000005m };

        Assert.Equal(1.000001m, FxRates.CrossRate(rates, "XAA", "CNY"));
    }

    [Theory]
    [InlineData("CNY")]
    [InlineData("USD")]
    [InlineData("HKD")]
    public void CrossRate_SameCurrency_IsOne(string currency) => Assert.Equal(1m, FxRates.CrossRate(Movements.Rates, currency, currency));

    [Theory]
    [InlineData("JPY", "CNY")]
    [InlineData("CNY", "JPY")]
    [InlineData("JPY", "JPY")]
    [InlineData("usd", "CNY")]
    public void CrossRate_UnknownCurrency_Throws(string from, string to) =>
        Assert.Throws<ArgumentException>(() => FxRates.CrossRate(Movements.Rates, from, to));

    [Fact]
    public void CrossRate_ZeroRateInTable_Throws()
    {
        var rates = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["CNY"] = 1m, ["XAA"] = 0m };

        Assert.Throws<ArgumentException>(() => FxRates.CrossRate(rates, "CNY", "XAA"));
    }

    [Theory]
    [InlineData("1.00", "7.105", "7.10")] // 7.105 is cut, not rounded up to 7.11
    [InlineData("100.00", "0.140746", "14.07")] // 14.0746
    [InlineData("0.07", "0.140746", "0.00")] // 0.00985222: less than a cent
    [InlineData("999.99", "7.105", "7104.92")] // 7104.928950
    [InlineData("10.00", "1", "10.00")]
    public void Convert_Amount_IsCutToTheCent(string amount, string rate, string expected) =>
        Assert.Equal(decimal.Parse(expected), FxRates.Convert(decimal.Parse(amount), decimal.Parse(rate)));

    [Fact]
    public void Convert_ManyAmounts_NeverCreditsMoreThanTheProduct()
    {
        var rate = FxRates.CrossRate(Movements.Rates, "EUR", "HKD");
        for (var cents = 1; cents <= 20_000; cents += 7)
        {
            var amount = cents / 100m;

            var credited = FxRates.Convert(amount, rate);

            Assert.True(credited <= amount * rate, $"{amount} x {rate} credited {credited}");
            Assert.True(amount * rate - credited < 0.01m, $"{amount} x {rate} lost a cent or more: {credited}");
        }
    }

    [Fact]
    public void Quote_UsdToCny_CarriesRateCreditedAmountAndCurrency()
    {
        var quote = FxRates.Quote(Movements.Rates, 1_000m, "USD", "CNY");

        Assert.Equal(7.105m, quote.Rate);
        Assert.Equal(7_105m, quote.CreditedAmount);
        Assert.Equal("CNY", quote.CreditedCurrency);
    }
}
