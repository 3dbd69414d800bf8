namespace Orleans.Fin.Models;

/// <summary>
/// The registry of one model (key: <see cref="ModelNames"/>): every version pinned by data and weights hash, roles,
/// traffic shares and maker-checker promotion. Registers the shipped model on first activation.
/// </summary>
[Alias("fin.IModelRegistryGrain")]
public interface IModelRegistryGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<ModelView> Get();

    /// <summary>What the silos should serve; polled by every silo.</summary>
    [Alias("Serving")]
    Task<ModelServingState> Serving();

    /// <summary>Adds a trained version as a challenger (the previous challenger retires). Idempotent by version.</summary>
    [Alias("Register")]
    Task Register(ModelRegistration registration, ModelWeights weights);

    /// <summary>Maker-checker promotion; throws Forbidden when the checker is the maker, BusinessRule when the gate refuses.</summary>
    [Alias("Promote")]
    Task<PromotionResult> Promote(string version, string note, bool @override, string by);

    /// <summary>Gives the challenger a share of live traffic (A/B); 0 puts it back in shadow only.</summary>
    [Alias("SetTrafficShare")]
    Task<ModelServingState> SetTrafficShare(string version, double share, string by);
}
