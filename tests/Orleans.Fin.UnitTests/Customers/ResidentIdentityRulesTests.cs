using Orleans.Fin.Customers;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.UnitTests.Customers;

public sealed class ResidentIdentityRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    // Check characters worked out by hand: sum of digit × weight (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2), mod 11, then "10X98765432".
    [Theory]
    [InlineData("11010519491231002X", "110105", 1949, 12, 31)] // sum 167, 167 mod 11 = 2 -> X (the GB 11643 example)
    [InlineData("320106199003071234", "320106", 1990, 3, 7)] // sum 217, mod 11 = 8 -> 4
    [InlineData("440304200002290014", "440304", 2000, 2, 29)] // sum 184, mod 11 = 8 -> 4 (born on a leap day)
    [InlineData("650102198511153718", "650102", 1985, 11, 15)] // sum 279, mod 11 = 4 -> 8
    public void Validate_KnownGoodNumber_ReturnsRegionAndBirthDate(string idNumber, string region, int year, int month, int day)
    {
        var (identity, error) = ResidentIdentityRules.Validate(idNumber, Today);

        Assert.Null(error);
        Assert.NotNull(identity);
        Assert.Equal(region, identity.RegionCode);
        Assert.Equal(new DateOnly(year, month, day), identity.BirthDate);
    }

    [Fact]
    public void Validate_LowercaseXCheckCharacter_IsAcceptedAndMaskedUppercase()
    {
        var (identity, error) = ResidentIdentityRules.Validate("11010519491231002x", Today);

        Assert.Null(error);
        Assert.Equal("1****************X", identity!.Masked);
    }

    [Fact]
    public void Validate_GeneratedNumbers_AreAccepted()
    {
        for (var i = 0; i < 200; i++)
        {
            var idNumber = TestData.IdNumber();

            var (identity, error) = ResidentIdentityRules.Validate(idNumber, Today);

            Assert.True(error is null, $"{idNumber}: {error}");
            Assert.Equal(idNumber[..6], identity!.RegionCode);
        }
    }

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("320106199003071234")]
    [InlineData("650102198511153718")]
    public void CheckCharacter_KnownGoodNumber_MatchesLastCharacter(string idNumber) =>
        Assert.Equal(idNumber[17], ResidentIdentityRules.CheckCharacter(idNumber[..17]));

    [Theory]
    [InlineData("110105194912310021")]
    [InlineData("320106199003071235")]
    [InlineData("65010219851115371X")]
    public void Validate_WrongCheckCharacter_IsRefused(string idNumber)
    {
        var (identity, error) = ResidentIdentityRules.Validate(idNumber, Today);

        Assert.Null(identity);
        Assert.Contains("check character", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GeneratedNumberWithWrongCheckCharacter_IsRefused()
    {
        var (identity, error) = ResidentIdentityRules.Validate(TestData.WithWrongCheckCharacter(TestData.IdNumber()), Today);

        Assert.Null(identity);
        Assert.Contains("check character", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("990105")] // no province 99
    [InlineData("100105")] // no province 10
    [InlineData("720105")] // no province 72
    [InlineData("110000")] // a province code, not a county
    [InlineData("440000")]
    public void Validate_UnknownRegion_IsRefused(string region)
    {
        var (identity, error) = ResidentIdentityRules.Validate(WithCheck(region + "19900307123"), Today);

        Assert.Null(identity);
        Assert.Contains("region", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("19900230")] // 30 February
    [InlineData("19900229")] // 1990 is not a leap year
    [InlineData("19901301")] // month 13
    [InlineData("19900100")] // day 0
    [InlineData("18991231")] // before 1900
    public void Validate_ImpossibleBirthDate_IsRefused(string birth)
    {
        var (identity, error) = ResidentIdentityRules.Validate(WithCheck("110105" + birth + "123"), Today);

        Assert.Null(identity);
        Assert.Contains("birth date", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BirthDateAfterToday_IsRefused()
    {
        var (identity, error) = ResidentIdentityRules.Validate(TestData.IdNumber(Today.AddDays(1)), Today);

        Assert.Null(identity);
        Assert.Contains("birth date", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DayBeforeEighteenthBirthday_IsRefusedAsMinor()
    {
        var birth = new DateOnly(2008, 3, 16); // 17 years and 364 days old on 2026-03-15

        var (identity, error) = ResidentIdentityRules.Validate(TestData.IdNumber(birth), Today);

        Assert.Null(identity);
        Assert.Contains("at least 18", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OnEighteenthBirthday_IsAccepted()
    {
        var birth = new DateOnly(2008, 3, 15);

        var (identity, error) = ResidentIdentityRules.Validate(TestData.IdNumber(birth), Today);

        Assert.Null(error);
        Assert.Equal(birth, identity!.BirthDate);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("                  ")]
    [InlineData("11010519491231002")] // 17
    [InlineData("11010519491231002X0")] // 19
    public void Validate_WrongLength_IsRefused(string? idNumber)
    {
        var (identity, error) = ResidentIdentityRules.Validate(idNumber, Today);

        Assert.Null(identity);
        Assert.Contains("18-character", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1101A519491231002X")] // a letter in the region
    [InlineData("11010519491231X021")] // X before the last position
    [InlineData("11010519491231002Y")] // a check character other than a digit or X
    [InlineData("110105-949123100X2")]
    [InlineData("１１0105194912310021")] // full-width digits
    public void Validate_NonDigitCharacters_AreRefused(string idNumber)
    {
        var (identity, error) = ResidentIdentityRules.Validate(idNumber, Today);

        Assert.Null(identity);
        Assert.Contains("17 digits", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Mask_EighteenCharacters_KeepsFirstAndLast()
    {
        var masked = ResidentIdentityRules.Mask("320106199003071234");

        Assert.Equal("3****************4", masked);
        Assert.Equal(18, masked.Length);
    }

    [Fact]
    public void Validate_ValidNumber_MaskedHidesRegionDetailAndBirthDate()
    {
        var (identity, _) = ResidentIdentityRules.Validate("320106199003071234", Today);

        Assert.Equal("3****************4", identity!.Masked);
        Assert.DoesNotContain("19900307", identity.Masked, StringComparison.Ordinal);
        Assert.Equal("32", identity.Province);
    }

    [Theory]
    [InlineData("3201**********1234", "3****************4")]
    [InlineData("1101**********002X", "1****************X")]
    [InlineData("", "******************")]
    public void Remask_OlderWideMask_KeepsFirstAndLastOnly(string older, string expected) =>
        Assert.Equal(expected, ResidentIdentityRules.Remask(older));

    [Theory]
    [InlineData("2000-05-10", "2018-05-09", 17)] // the day before the birthday
    [InlineData("2000-05-10", "2018-05-10", 18)] // on the birthday
    [InlineData("2000-05-10", "2018-05-11", 18)]
    [InlineData("2000-01-01", "2017-12-31", 17)] // last day of the year before
    [InlineData("2000-12-31", "2018-12-31", 18)]
    [InlineData("2000-05-10", "2000-05-10", 0)] // the day of birth
    [InlineData("2000-02-29", "2018-03-01", 18)] // leap-day birth, common year: 1 March
    [InlineData("2000-02-29", "2018-02-27", 17)]
    [InlineData("2000-02-29", "2020-02-28", 19)] // leap year: the day before 29 February
    [InlineData("2000-02-29", "2020-02-29", 20)]
    public void AgeOn_Dates_ReturnsCompletedYears(string birth, string day, int expected) =>
        Assert.Equal(expected, ResidentIdentityRules.AgeOn(DateOnly.Parse(birth), DateOnly.Parse(day)));

    [Fact]
    public void AgeOn_LeapDayBirthOnFebruary28OfCommonYear_CountsTheBirthdayAsReached()
    {
        // Policy pinned by this test: DateOnly.AddYears maps 29 February to 28 February in common years.
        Assert.Equal(18, ResidentIdentityRules.AgeOn(new DateOnly(2000, 2, 29), new DateOnly(2018, 2, 28)));
    }

    private static string WithCheck(string first17) => first17 + TestData.CheckCharacter(first17);
}
