namespace Orleans.Fin.ModelTraining;

/// <summary>What an <see cref="EngineReplay"/> produced: every customer's replay and how many scam collectors ended up watched.</summary>
internal sealed record EngineOutcome(IReadOnlyList<CustomerReplay> Customers, int CollectorsWatched);
