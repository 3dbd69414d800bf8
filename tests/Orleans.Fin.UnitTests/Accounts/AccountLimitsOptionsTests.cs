using Orleans.Fin.Accounts;

namespace Orleans.Fin.UnitTests.Accounts;

public sealed class AccountLimitsOptionsTests
{
    private readonly AccountLimitsOptions _options = new();

    [Fact]
    public void BusinessDay_2330UtcOnFirstJanuary_IsSecondJanuary() =>
        Assert.Equal(new DateOnly(2026, 1, 2), _options.BusinessDay(new DateTimeOffset(2026, 1, 1, 23, 30, 0, TimeSpan.Zero)));

    [Fact]
    public void BusinessDay_JustBefore1600Utc_IsStillTheSameDay() =>
        Assert.Equal(new DateOnly(2026, 1, 1), _options.BusinessDay(new DateTimeOffset(2026, 1, 1, 15, 59, 59, TimeSpan.Zero)));

    [Fact]
    public void BusinessDay_1600Utc_IsTheNextDay() =>
        Assert.Equal(new DateOnly(2026, 1, 2), _options.BusinessDay(new DateTimeOffset(2026, 1, 1, 16, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void BusinessDay_TimeWithOtherOffset_UsesTheInstant() =>
        // 00:30 in Tokyo (UTC+9) is 23:30 of the day before in Beijing (UTC+8).
        Assert.Equal(new DateOnly(2026, 1, 1), _options.BusinessDay(new DateTimeOffset(2026, 1, 2, 0, 30, 0, TimeSpan.FromHours(9))));

    [Fact]
    public void BusinessDay_NewYearsEveAt1700Utc_IsNewYearsDay() =>
        Assert.Equal(new DateOnly(2027, 1, 1), _options.BusinessDay(new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("CNY", 200_000)]
    [InlineData("USD", 30_000)]
    [InlineData("EUR", 28_000)]
    [InlineData("HKD", 220_000)]
    public void LimitFor_SupportedCurrency_IsTheDefault(string currency, int expected) =>
        Assert.Equal(expected, _options.LimitFor(currency));

    [Theory]
    [InlineData("JPY")]
    [InlineData("cny")]
    [InlineData("")]
    public void LimitFor_UnknownCurrency_IsZero(string currency) => Assert.Equal(0m, _options.LimitFor(currency));
}
