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

    /// <summary>Midnight (China Standard Time) of the first simulated day.</summary>
    public DateTimeOffset Start { get; set; } = new(2025, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));
}
