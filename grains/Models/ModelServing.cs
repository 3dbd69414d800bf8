using System.Runtime.CompilerServices;
using Orleans.Fin.Credit.Model;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Models;

/// <summary>
/// The models this silo scores with, switched as a whole when the registry's serving state changes (see
/// <see cref="ModelServingSync"/>): until the first sync, the shipped champion and challenger. Reads are lock-free
/// (one immutable snapshot per model, swapped atomically).
/// </summary>
public sealed class ModelServing
{
    private readonly ConditionalWeakTable<LoadedModel, CreditScorer> _creditScorers = [];
    private readonly ConditionalWeakTable<LoadedModel, RiskScorer> _riskScorers = [];
    private ServedModels _fraud;
    private ServedModels _credit;

    public ModelServing()
    {
        var fraud = ShippedModels.Of(ModelNames.Fraud);
        var credit = ShippedModels.Of(ModelNames.Credit);
        _fraud = new ServedModels(0, fraud[0].Loaded, null, 0);
        _credit = new ServedModels(0, credit[0].Loaded, credit.Count > 1 ? credit[1].Loaded : null, 0);
    }

    public ServedModels Fraud => Volatile.Read(ref _fraud);

    public ServedModels Credit => Volatile.Read(ref _credit);

    public ServedModels Of(string name) => name == ModelNames.Fraud ? Fraud : Credit;

    public void Switch(string name, ServedModels served)
    {
        ArgumentNullException.ThrowIfNull(served);
        if (name == ModelNames.Fraud)
        {
            Volatile.Write(ref _fraud, served);
        }
        else
        {
            Volatile.Write(ref _credit, served);
        }
    }

    /// <summary>The credit scorer of a loaded credit model (one pooled scorer per model, made on first use).</summary>
    public CreditScorer CreditScorerOf(LoadedModel model) =>
        _creditScorers.GetValue(model, m => new CreditScorer(m.Credit ?? throw new ArgumentException($"{m.Version} is not a credit model.", nameof(model))));

    /// <summary>The rules-and-model scorer of a loaded fraud model (one per model, made on first use).</summary>
    public RiskScorer RiskScorerOf(LoadedModel model, RiskOptions options) =>
        _riskScorers.GetValue(model, m => new RiskScorer(options, m.Fraud ?? throw new ArgumentException($"{m.Version} is not a fraud model.", nameof(model))));
}
