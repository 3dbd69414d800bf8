using Orleans.Fin.Risk.Model;

namespace Orleans.Fin.UnitTests.Risk;

/// <summary>The model shipped in the grains assembly, loaded once per test run.</summary>
internal static class EmbeddedFraudModel
{
    private static readonly Lazy<FraudModel> Loaded = new(() => FraudModelStore.LoadEmbedded() ?? throw new InvalidOperationException("No fraud model is embedded."));

    public static FraudModel Model => Loaded.Value;
}
