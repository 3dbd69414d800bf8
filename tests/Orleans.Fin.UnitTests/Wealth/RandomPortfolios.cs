using FsCheck;
using FsCheck.Fluent;
using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.UnitTests.Wealth;

/// <summary>Random holdings of three products A, B, C (units to 4 decimals, cash in cents) and random NAVs for them.</summary>
internal static class RandomPortfolios
{
    public static Dictionary<string, decimal> Targets { get; } = new(StringComparer.Ordinal) { ["A"] = 0.5m, ["B"] = 0.3m, ["C"] = 0.2m };

    /// <summary>Units up to 50,000 (sometimes none), NAVs from 0.0001 to 90, cash up to 10,000.</summary>
    public static Gen<(Holdings Holdings, Dictionary<string, decimal> Navs)> Portfolios { get; } =
        from a in Units
        from b in Units
        from c in Units
        from navA in Nav
        from navB in Nav
        from navC in Nav
        from cashCents in Gen.Choose(0, 1_000_000)
        select (new Holdings(Without0(("A", a), ("B", b), ("C", c)), cashCents / 100m),
                new Dictionary<string, decimal>(StringComparer.Ordinal) { ["A"] = navA, ["B"] = navB, ["C"] = navC });

    private static Gen<decimal> Units =>
        Gen.OneOf(Gen.Constant(0m), Gen.Choose(1, 10_000).Select(u => u / 10_000m), Gen.Choose(1, 500_000_000).Select(u => u / 10_000m));

    private static Gen<decimal> Nav =>
        Gen.OneOf(Gen.Choose(1, 100).Select(n => n / 10_000m), Gen.Choose(1, 900_000).Select(n => n / 10_000m));

    private static Dictionary<string, decimal> Without0(params (string Id, decimal Units)[] units) =>
        units.Where(u => u.Units > 0).ToDictionary(u => u.Id, u => u.Units, StringComparer.Ordinal);
}
