namespace Orleans.Fin.Risk.Model;

/// <summary>What the <see cref="TransactionSimulator"/> generates. Same options, same events.</summary>
public sealed class SimulationOptions
{
    public int Seed { get; set; } = 42;
    public int Customers { get; set; } = 1_000;
    public int Days { get; set; } = 30;

    /// <summary>Share of customers who suffer one fraud incident (on top of their ordinary activity).</summary>
    public double FraudCustomerShare { get; set; } = 0.12;

    /// <summary>Share of events delivered twice (as streams do); the tracker must drop the copies.</summary>
    public double RedeliveryRate { get; set; } = 0.01;

    /// <summary>The fraud patterns drawn from, with equal weights; null: the four of <see cref="FraudPatterns.All"/>, weighted as trained on.</summary>
    public IReadOnlyList<string>? Patterns { get; set; }

    /// <summary>Whether ordinary customers also go through life events (<see cref="LifeEvents"/>): a wedding, a flat deposit, a group trip.</summary>
    public bool LifeEvents { get; set; }

    /// <summary>Midnight (China Standard Time) of the first simulated day.</summary>
    public DateTimeOffset Start { get; set; } = new(2025, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));
}
