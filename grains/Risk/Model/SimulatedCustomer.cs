namespace Orleans.Fin.Risk.Model;

/// <summary>A simulated customer's events in time order, and the fraud pattern they suffered (null: ordinary).</summary>
public sealed record SimulatedCustomer(string CustomerId, int Index, string? FraudPattern, IReadOnlyList<SimulatedEvent> Events);
