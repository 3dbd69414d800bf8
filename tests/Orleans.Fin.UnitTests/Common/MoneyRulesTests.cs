using Orleans.Fin.Common;

namespace Orleans.Fin.UnitTests.Common;

public sealed class MoneyRulesTests
{
    [Fact]
    public void Validate_Null_IsRequired() => Assert.Equal("amount is required.", MoneyRules.Validate(null));

    [Theory]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("-0.01")]
    [InlineData("-100")]
    public void Validate_ZeroOrNegative_IsRefused(string amount) =>
        Assert.Equal("amount must be greater than 0.", MoneyRules.Validate(decimal.Parse(amount)));

    [Theory]
    [InlineData("0.01")]
    [InlineData("1")]
    [InlineData("1.23")]
    [InlineData("1.230")] // the same value as 1.23, with a trailing zero
    [InlineData("1.2300000")]
    [InlineData("999999999.99")]
    [InlineData("1000000000")]
    [InlineData("1000000000.00")]
    public void Validate_PositiveWithAtMostTwoDecimals_IsAccepted(string amount) =>
        Assert.Null(MoneyRules.Validate(decimal.Parse(amount)));

    [Theory]
    [InlineData("1.234")]
    [InlineData("0.001")]
    [InlineData("0.005")]
    [InlineData("10.999")]
    public void Validate_MoreThanTwoDecimals_IsRefused(string amount) =>
        Assert.Equal("amount must have at most 2 decimal places.", MoneyRules.Validate(decimal.Parse(amount)));

    [Theory]
    [InlineData("1000000000.01")]
    [InlineData("1000000001")]
    [InlineData("79228162514264337593543950335")] // decimal.MaxValue
    public void Validate_AboveOneBillion_IsRefused(string amount) =>
        Assert.Equal("amount must not exceed 1,000,000,000.", MoneyRules.Validate(decimal.Parse(amount)));
}
