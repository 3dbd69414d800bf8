namespace Orleans.Fin.Wealth.Domain;

/// <summary>
/// A deterministic market: one geometric random walk per asset class with an annual drift and volatility,
/// correlated through a fixed correlation matrix. Each day draws independent standard normals (Box–Muller from a
/// seeded <see cref="Random"/>), correlates them with the Cholesky factor of the matrix and moves each log-price by
/// (μ − σ²/2)/252 + σ/√252 · x. NAVs start at 1 and are reported rounded to 4 decimals; the same seed always gives
/// the same path. The correlation matrix comes from two factor loadings per class (equity, rates):
/// ρᵢⱼ = eᵢeⱼ + rᵢrⱼ, which is positive definite because every eᵢ² + rᵢ² &lt; 1.
/// </summary>
public sealed class MarketSimulator
{
    public const int TradingDaysPerYear = 252;
    public const int NavDecimals = 4;
    public const decimal StartNav = 1.0000m;
    private const decimal MinNav = 0.0001m;

    private static readonly AssetClass[] Classes = Enum.GetValues<AssetClass>();
    private static readonly double[,] Factor = Cholesky(CorrelationMatrix());

    private readonly Random random;
    private readonly double[] logNavs;

    public MarketSimulator(int seed)
    {
        random = new Random(seed);
        logNavs = new double[Classes.Length];
        Seed = seed;
    }

    public int Seed { get; }

    /// <summary>How many days the market has advanced.</summary>
    public int Day { get; private set; }

    /// <summary>Today's NAV of every asset class, rounded to 4 decimals.</summary>
    public IReadOnlyDictionary<AssetClass, decimal> Navs => Classes.ToDictionary(c => c, NavOf);

    public decimal NavOf(AssetClass assetClass)
    {
        var nav = (decimal)Math.Exp(logNavs[(int)assetClass]) * StartNav;
        return Math.Max(MinNav, decimal.Round(nav, NavDecimals, MidpointRounding.AwayFromZero));
    }

    /// <summary>Moves the market one trading day forward and returns the new NAVs.</summary>
    public IReadOnlyDictionary<AssetClass, decimal> Advance()
    {
        var normals = new double[Classes.Length];
        for (var i = 0; i < normals.Length; i += 2)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var radius = Math.Sqrt(-2.0 * Math.Log(u1));
            normals[i] = radius * Math.Cos(2.0 * Math.PI * u2);
            if (i + 1 < normals.Length)
            {
                normals[i + 1] = radius * Math.Sin(2.0 * Math.PI * u2);
            }
        }

        for (var i = 0; i < Classes.Length; i++)
        {
            var correlated = 0.0;
            for (var k = 0; k <= i; k++)
            {
                correlated += Factor[i, k] * normals[k];
            }

            var (drift, volatility, _, _) = Parameters(Classes[i]);
            logNavs[i] += ((drift - (volatility * volatility / 2)) / TradingDaysPerYear)
                + (volatility / Math.Sqrt(TradingDaysPerYear) * correlated);
        }

        Day++;
        return Navs;
    }

    /// <summary>The NAVs of days 0..<paramref name="days"/> (day 0 is the start) for a seed.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<AssetClass, decimal>> Path(int seed, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var market = new MarketSimulator(seed);
        var path = new List<IReadOnlyDictionary<AssetClass, decimal>>(days + 1) { market.Navs };
        for (var d = 0; d < days; d++)
        {
            path.Add(market.Advance());
        }

        return path;
    }

    /// <summary>The fixed correlation between the daily moves of two asset classes.</summary>
    public static double Correlation(AssetClass a, AssetClass b)
    {
        if (a == b)
        {
            return 1.0;
        }

        var (_, _, equityA, ratesA) = Parameters(a);
        var (_, _, equityB, ratesB) = Parameters(b);
        return (equityA * equityB) + (ratesA * ratesB);
    }

    /// <summary>Annual drift, annual volatility, and loadings on the equity and rates factors.</summary>
    private static (double Drift, double Volatility, double Equity, double Rates) Parameters(AssetClass assetClass) =>
        assetClass switch
        {
            AssetClass.MoneyMarket => (0.020, 0.002, 0.0, 0.1),
            AssetClass.ShortBond => (0.030, 0.015, 0.0, 0.6),
            AssetClass.Bond => (0.035, 0.040, -0.1, 0.8),
            AssetClass.Balanced => (0.050, 0.100, 0.7, 0.4),
            AssetClass.EquityIndex => (0.070, 0.220, 0.9, 0.0),
            AssetClass.SectorEquity => (0.080, 0.320, 0.8, 0.0),
            AssetClass.OverseasEquity => (0.070, 0.200, 0.6, 0.0),
            AssetClass.Gold => (0.040, 0.150, 0.1, 0.2),
            _ => throw new ArgumentOutOfRangeException(nameof(assetClass), assetClass, "Unknown asset class."),
        };

    private static double[,] CorrelationMatrix()
    {
        var matrix = new double[Classes.Length, Classes.Length];
        for (var i = 0; i < Classes.Length; i++)
        {
            for (var j = 0; j < Classes.Length; j++)
            {
                matrix[i, j] = Correlation(Classes[i], Classes[j]);
            }
        }

        return matrix;
    }

    private static double[,] Cholesky(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var lower = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = matrix[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= lower[i, k] * lower[j, k];
                }

                if (i == j)
                {
                    lower[i, i] = sum > 0
                        ? Math.Sqrt(sum)
                        : throw new InvalidOperationException("The correlation matrix is not positive definite.");
                }
                else
                {
                    lower[i, j] = sum / lower[j, j];
                }
            }
        }

        return lower;
    }
}
