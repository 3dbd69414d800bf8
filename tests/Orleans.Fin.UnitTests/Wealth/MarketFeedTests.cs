using Microsoft.Extensions.Options;
using Orleans.Fin.Wealth;
using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.UnitTests.Wealth;

public sealed class MarketFeedTests
{
    // Thursday 2025-01-02; 2025-03-07 is a Friday, 03-08/09 the weekend, 03-10 a Monday.
    private static readonly DateOnly Inception = new(2025, 1, 2);
    private static readonly DateOnly Friday = new(2025, 3, 7);

    [Fact]
    public void NavsOn_SameSeedOnTwoInstances_SameNavsWhateverTheOrderOfQuestions()
    {
        var forwards = Feed(seed: 42);
        var backwards = Feed(seed: 42);
        var dates = Enumerable.Range(0, 120).Select(d => Inception.AddDays(d * 3)).ToList();

        var later = dates.AsEnumerable().Reverse().Select(backwards.NavsOn).Reverse().ToList();
        var earlier = dates.Select(forwards.NavsOn).ToList();

        Assert.Equal(earlier, later);
        Assert.NotEqual(earlier[0], earlier[^1]);
    }

    [Fact]
    public void NavsOn_DifferentSeeds_DifferentNavs() =>
        Assert.NotEqual(Feed(seed: 1).NavsOn(Friday), Feed(seed: 2).NavsOn(Friday));

    [Fact]
    public void NavsOn_InceptionAndBefore_EveryProductAtOne()
    {
        var feed = Feed(seed: 42);

        Assert.All([Inception, Inception.AddDays(-10)], date =>
        {
            var navs = feed.NavsOn(date);
            Assert.Equal(ProductCatalogue.All.Select(p => p.Id).Order(), navs.Keys.Order());
            Assert.All(navs.Values, nav => Assert.Equal(MarketSimulator.StartNav, nav));
        });
    }

    [Fact]
    public void NavsOn_Weekend_PricedAtTheFriday()
    {
        var feed = Feed(seed: 42);

        Assert.Equal(feed.NavsOn(Friday), feed.NavsOn(Friday.AddDays(1)));
        Assert.Equal(feed.NavsOn(Friday), feed.NavsOn(Friday.AddDays(2)));
        Assert.NotEqual(feed.NavsOn(Friday), feed.NavsOn(Friday.AddDays(3)));
    }

    [Fact]
    public void Inception_OnASaturday_MovesToTheMonday() =>
        Assert.Equal(new DateOnly(2025, 1, 6), Feed(seed: 42, inception: new DateOnly(2025, 1, 4)).Inception);

    [Fact]
    public void Days_RangeFromAWeekend_ConsecutiveWeekdaysOnly()
    {
        var feed = Feed(seed: 42);

        var days = feed.Days(Friday.AddDays(-6), Friday.AddDays(30));

        Assert.Equal(Friday.AddDays(-7), days[0].Date); // the Saturday before is priced at its Friday
        Assert.All(days, d => Assert.True(TradingCalendar.IsTradingDay(d.Date), $"{d.Date} is a weekend"));
        Assert.All(days.Skip(1).Zip(days), p => Assert.Equal(1, TradingCalendar.TradingDaysAfter(p.Second.Date, p.First.Date)));
        Assert.Equal(TradingCalendar.TradingDaysAfter(Friday.AddDays(-7), Friday.AddDays(30)) + 1, days.Count);
        Assert.All(days, d => Assert.Equal(feed.NavsOn(d.Date), d.Navs));
    }

    private static MarketFeed Feed(int seed, DateOnly? inception = null) =>
        new(Options.Create(new WealthOptions { MarketSeed = seed, MarketInception = inception ?? Inception }));
}
