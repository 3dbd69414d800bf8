namespace Orleans.Fin.Risk.Model;

/// <summary>A simulated customer's events in time order, the fraud pattern they suffered (null: ordinary) and the life events they went through.</summary>
public sealed record SimulatedCustomer(string CustomerId, int Index, string? FraudPattern, IReadOnlyList<SimulatedEvent> Events, IReadOnlyList<string>? LifeEvents = null);
