namespace Orleans.Fin.Models;

/// <summary>The stored bytes of one model version (key "name/version"), written once; what every silo loads and verifies.</summary>
[Alias("fin.IModelWeightsGrain")]
public interface IModelWeightsGrain : IGrainWithStringKey
{
    [Alias("Put")]
    Task Put(ModelWeights weights);

    [Alias("Get")]
    Task<ModelWeights?> Get();

    public static string KeyOf(string name, string version) => $"{name}/{version}";
}
