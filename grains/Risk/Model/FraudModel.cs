using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace Orleans.Fin.Risk.Model;

/// <summary>
/// A trained fraud model with its version and held-out metrics. <see cref="Predict"/> is thread-safe: prediction
/// engines (not thread-safe themselves) are kept in a pool and reused, never built per call.
/// </summary>
public sealed class FraudModel
{
    private readonly MLContext _ml;
    private readonly ObjectPool<PooledEngine> _engines;

    public FraudModel(MLContext ml, ITransformer transformer, string version, FraudModelMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(transformer);
        ArgumentException.ThrowIfNullOrEmpty(version);
        _ml = ml;
        Transformer = transformer;
        Version = version;
        Metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _engines = new DefaultObjectPool<PooledEngine>(new EnginePolicy(ml, transformer), Math.Max(2, Environment.ProcessorCount * 2));
    }

    /// <summary>For example "fraud-ft-1.42": learner, feature-set generation, training seed.</summary>
    public string Version { get; }

    public FraudModelMetrics Metrics { get; }

    public ITransformer Transformer { get; }

    /// <summary>The probability that the payment with these features is fraud.</summary>
    public float Predict(FraudFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var engine = _engines.Get();
        try
        {
            engine.Engine.Predict(features, ref engine.Output);
            return float.IsNaN(engine.Output.Probability) ? 0f : engine.Output.Probability;
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    /// <summary>Writes the ML.NET model (a zip) to the stream.</summary>
    public void Save(Stream stream)
    {
        var schema = _ml.Data.LoadFromEnumerable(Array.Empty<FraudFeatures>()).Schema;
        _ml.Model.Save(Transformer, schema, stream);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static FraudModel Load(Stream stream, string version, FraudModelMetrics metrics)
    {
        var ml = new MLContext(seed: metrics.Seed);
        var transformer = ml.Model.Load(stream, out _);
        return new FraudModel(ml, transformer, version, metrics);
    }

    private sealed class PooledEngine(PredictionEngine<FraudFeatures, FraudPrediction> engine)
    {
        public PredictionEngine<FraudFeatures, FraudPrediction> Engine { get; } = engine;

#pragma warning disable CA1051 // passed by ref to the engine so that a prediction allocates nothing
        public FraudPrediction Output = new();
#pragma warning restore CA1051
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer transformer) : IPooledObjectPolicy<PooledEngine>
    {
        private readonly Lock _gate = new();

        public PooledEngine Create()
        {
            lock (_gate)
            {
                return new PooledEngine(ml.Model.CreatePredictionEngine<FraudFeatures, FraudPrediction>(transformer));
            }
        }

        public bool Return(PooledEngine obj) => true;
    }
}
