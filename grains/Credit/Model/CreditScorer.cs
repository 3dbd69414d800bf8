using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Orleans.Fin.Credit.Domain;

namespace Orleans.Fin.Credit.Model;

/// <summary>
/// Scores applications with the champion model; one instance per host (a singleton). ML.NET prediction engines are
/// not thread-safe, so engines are pooled: a call borrows one, predicts, returns it. Features are built by the same
/// <see cref="CreditFeatures.Build"/>, with the same imputation medians, as in training.
/// </summary>
public sealed class CreditScorer
{
    private static readonly Lazy<CreditScorer> Embedded = new(
        () =>
        {
            var set = CreditModelStore.LoadEmbedded();
            return new CreditScorer(set.Champion, set.Challenger);
        },
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ObjectPool<Session> _sessions;
    private readonly CreditScoreScale _scale;

    public CreditScorer(CreditModel champion, CreditModel? challenger = null, CreditScoreScale? scale = null)
    {
        ArgumentNullException.ThrowIfNull(champion);
        Champion = champion;
        Challenger = challenger;
        _scale = scale ?? CreditScoreScale.Default;
        _sessions = new DefaultObjectPool<Session>(new SessionPolicy(champion), Environment.ProcessorCount * 2);
    }

    /// <summary>The model that scores.</summary>
    public CreditModel Champion { get; }

    /// <summary>The model trained and validated the same way that lost on validation AUC, if any.</summary>
    public CreditModel? Challenger { get; }

    /// <summary>Champion then challenger, with their versions, roles and validation metrics.</summary>
    public IReadOnlyList<CreditModel> Models => Challenger is null ? [Champion] : [Champion, Challenger];

    /// <summary>
    /// The scorer of the models shipped in this assembly (grains/Credit/Data); loaded once per process (a few hundred
    /// milliseconds), so several silos in one process share it.
    /// </summary>
    public static CreditScorer FromEmbeddedModels() => Embedded.Value;

    /// <summary>The scorer of a training run's champion and challenger.</summary>
    public static CreditScorer FromTraining(CreditTrainingResult training)
    {
        ArgumentNullException.ThrowIfNull(training);
        return new CreditScorer(training.Champion, training.Challenger);
    }

    /// <summary>The PD, score, top reason codes (at most <paramref name="maxReasons"/>) and model version of an application.</summary>
    public CreditAssessment Score(CreditApplication application, int maxReasons = 4)
    {
        ArgumentNullException.ThrowIfNull(application);
        var features = CreditFeatures.Build(application, Champion.Imputation);
        var session = _sessions.Get();
        try
        {
            session.Engine.Predict(features, ref session.Output);
            var pd = session.Output.Probability;
            if (float.IsNaN(pd))
            {
                throw new InvalidOperationException("The credit model returned no probability.");
            }

            Champion.Contributions(session.Output.Explanation, session.Contributions);
            var reasons = CreditReasonCodes.Top(Champion.SlotReasons, session.Contributions, maxReasons);
            var probability = Math.Clamp((double)pd, 0, 1);
            return new CreditAssessment(probability, _scale.Score(probability), reasons, Champion.Version);
        }
        finally
        {
            _sessions.Return(session);
        }
    }

    private sealed class Session(PredictionEngine<CreditApplicationFeatures, CreditPrediction> engine, int slots)
    {
        public readonly PredictionEngine<CreditApplicationFeatures, CreditPrediction> Engine = engine;
        public readonly float[] Contributions = new float[slots];
        public CreditPrediction Output = new();
    }

    private sealed class SessionPolicy(CreditModel model) : PooledObjectPolicy<Session>
    {
        public override Session Create() =>
            new(model.Context.Model.CreatePredictionEngine<CreditApplicationFeatures, CreditPrediction>(model.Scoring), model.SlotNames.Count);

        public override bool Return(Session obj) => true;
    }
}
