namespace Orleans.Fin.Risk.Model;

/// <summary>Seeded draws for the simulator (System.Random with a seed is stable across runs and platforms).</summary>
internal sealed class SimulationRandom(int seed)
{
    private readonly Random _random = new(seed);

    public double Next() => _random.NextDouble();

    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public double Uniform(double min, double max) => min + ((max - min) * _random.NextDouble());

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public double Normal()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A log-normal draw with the given median and log-scale spread.</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    public int Poisson(double lambda)
    {
        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = _random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= _random.NextDouble();
        }

        return k;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>An index drawn with the given (unnormalised) weights.</summary>
    public int Weighted(IReadOnlyList<double> weights)
    {
        var total = weights.Sum();
        var x = _random.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    /// <summary>An index in [0, n) with Zipf-like preference for the first ones.</summary>
    public int Zipf(int n, double exponent = 1.1)
    {
        var weights = new double[n];
        for (var i = 0; i < n; i++)
        {
            weights[i] = 1.0 / Math.Pow(i + 1, exponent);
        }

        return Weighted(weights);
    }
}
