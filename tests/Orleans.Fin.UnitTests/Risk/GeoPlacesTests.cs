using Orleans.Fin.Risk.Domain;
using static Orleans.Fin.UnitTests.Risk.RiskData;

namespace Orleans.Fin.UnitTests.Risk;

public sealed class GeoPlacesTests
{
    [Theory]
    [InlineData("Shanghai", "Beijing", 1_067)]
    [InlineData("Shanghai", "Shenzhen", 1_213)]
    [InlineData("London", "New York", 5_570)]
    [InlineData("Beijing", "Urumqi", 2_410)]
    public void DistanceKm_KnownCities_MatchesTheGreatCircle(string from, string to, double expectedKm) =>
        Assert.InRange(GeoPlaces.DistanceKm(from, to)!.Value, expectedKm - 15, expectedKm + 15);

    [Fact]
    public void DistanceKm_SameCity_IsZero() => Assert.Equal(0, GeoPlaces.DistanceKm("Chengdu", "Chengdu")!.Value, 6);

    [Fact]
    public void DistanceKm_IsSymmetric() =>
        Assert.Equal(GeoPlaces.DistanceKm("Sydney", "Harbin")!.Value, GeoPlaces.DistanceKm("Harbin", "Sydney")!.Value, 6);

    [Fact]
    public void DistanceKm_OppositeSidesOfTheEarth_IsHalfTheCircumference() =>
        Assert.Equal(Math.PI * 6371.0088, GeoPlaces.DistanceKm(new GeoPoint(0, 0), new GeoPoint(0, 180)), 3);

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("")]
    [InlineData(null)]
    public void DistanceKm_UnknownCity_IsNull(string? city) => Assert.Null(GeoPlaces.DistanceKm("Shanghai", city));

    [Theory]
    [InlineData("hong kong")]
    [InlineData("HongKong")]
    [InlineData("香港")]
    public void TryLocate_SpellingsOfOneCity_FindTheSamePoint(string spelling)
    {
        Assert.True(GeoPlaces.TryLocate(spelling, out var point));
        Assert.True(GeoPlaces.TryLocate("Hong Kong", out var expected));
        Assert.Equal(expected, point);
    }

    [Theory]
    [InlineData("XI'AN")]
    [InlineData("xian")]
    [InlineData("Ürümqi")]
    [InlineData("urumqi")]
    [InlineData("São Paulo")]
    [InlineData("上海")]
    public void TryLocate_CaseAccentsAndPunctuation_AreIgnored(string city) => Assert.True(GeoPlaces.TryLocate(city, out _));

    [Fact]
    public void Journey_ShanghaiToBeijingInAnHour_NeedsAbout1067KmPerHour()
    {
        var leg = GeoPlaces.Journey("Shanghai", T0, "Beijing", T0.AddHours(1))!;

        Assert.InRange(leg.SpeedKmh, 1_050, 1_085);
        Assert.Equal(1, leg.Hours, 6);
    }

    [Fact]
    public void Journey_AtTheSameInstant_CountsAsAMinute()
    {
        var leg = GeoPlaces.Journey("Shanghai", T0, "Beijing", T0)!;

        Assert.Equal(1.0 / 60, leg.Hours, 9);
        Assert.InRange(leg.SpeedKmh, 60_000, 66_000);
    }

    [Fact]
    public void Journey_UnknownCity_IsNull() => Assert.Null(GeoPlaces.Journey("Shanghai", T0, "Gotham", T0.AddHours(1)));

    [Fact]
    public void KnownCities_IncludeMajorChineseAndWorldCities()
    {
        foreach (var city in new[] { "Beijing", "Shanghai", "Guangzhou", "Shenzhen", "Chengdu", "Tokyo", "London", "New York", "Singapore" })
        {
            Assert.True(GeoPlaces.TryLocate(city, out _), city);
        }
    }
}
