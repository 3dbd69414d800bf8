using Orleans.Fin.Customers;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.UnitTests.Customers;

public sealed class PhoneRulesTests
{
    [Theory]
    [InlineData("13012345678")]
    [InlineData("13912345678")]
    [InlineData("14512345678")]
    [InlineData("15012345678")]
    [InlineData("16612345678")]
    [InlineData("17712345678")]
    [InlineData("18812345678")]
    [InlineData("19912345678")]
    public void IsValid_MobileNumber13To19_IsTrue(string phone) => Assert.True(PhoneRules.IsValid(phone));

    [Fact]
    public void IsValid_GeneratedNumber_IsTrue() => Assert.True(PhoneRules.IsValid(TestData.Phone()));

    [Theory]
    [InlineData("12012345678")] // 12x is not a mobile prefix
    [InlineData("12912345678")]
    [InlineData("10012345678")]
    [InlineData("23912345678")] // does not start with 1
    [InlineData("1391234567")] // 10 digits
    [InlineData("139123456789")] // 12 digits
    [InlineData("+8613912345678")]
    [InlineData("139 1234 5678")]
    [InlineData("1391234567a")]
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_NotAMobileNumber_IsFalse(string? phone) => Assert.False(PhoneRules.IsValid(phone));

    [Fact]
    public void IsValid_TrailingCarriageReturnLineFeed_IsFalse() => Assert.False(PhoneRules.IsValid("13912345678\r\n"));

    [Fact]
    public void IsValid_TrailingLineFeed_IsFalse() => Assert.False(PhoneRules.IsValid("13912345678\n"));

    [Fact]
    public void Mask_ElevenDigits_KeepsFirstThreeAndLastFour() => Assert.Equal("139****5678", PhoneRules.Mask("13912345678"));

    [Theory]
    [InlineData("1391234567")]
    [InlineData("139123456789")]
    [InlineData("")]
    public void Mask_OtherLength_HidesEverything(string phone) => Assert.Equal("***", PhoneRules.Mask(phone));
}
