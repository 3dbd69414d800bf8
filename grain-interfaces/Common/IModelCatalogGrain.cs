namespace Orleans.Fin.Common;

/// <summary>The machine-learning models this silo serves, with their validation metrics (key 0; a stateless worker).</summary>
[Alias("fin.IModelCatalogGrain")]
public interface IModelCatalogGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<IReadOnlyList<ModelCardView>> List();
}

/// <summary>
/// One model: what it decides (<c>Domain</c> credit|fraud), its version, its role (Champion|Challenger|Serving), the
/// learner and its validation metrics by name (AUC, KS, accuracy, … as fractions).
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.ModelCardView")]
public sealed record ModelCardView(string Domain, string Version, string Role, string Kind, IReadOnlyDictionary<string, double> Metrics);
