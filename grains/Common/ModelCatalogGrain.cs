using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Orleans.Fin.Credit.Model;
using Orleans.Fin.Risk.Model;

namespace Orleans.Fin.Common;

/// <summary>Lists the credit champion and challenger and, when one is registered, the fraud model.</summary>
[StatelessWorker]
public sealed class ModelCatalogGrain(CreditScorer credit, IServiceProvider services) : Grain, IModelCatalogGrain
{
    public Task<IReadOnlyList<ModelCardView>> List()
    {
        var cards = credit.Models.Select(m => new ModelCardView("credit", m.Version, m.Role.ToString(), m.Kind.ToString(), new Dictionary<string, double>
        {
            ["auc"] = m.Metrics.Auc,
            ["aucPerFoldStdDev"] = m.Metrics.AucPerFoldStdDev,
            ["ks"] = m.Metrics.Ks,
            ["accuracy"] = m.Metrics.Accuracy,
            ["cutoff"] = m.Metrics.Cutoff,
            ["brier"] = m.Metrics.Brier,
            ["folds"] = m.Metrics.Folds,
            ["records"] = m.Metrics.Records,
        })).ToList();
        if (services.GetService<FraudModel>() is { } fraud)
        {
            cards.Add(new ModelCardView("fraud", fraud.Version, "Serving", fraud.Metrics.Trainer, new Dictionary<string, double>
            {
                ["auc"] = fraud.Metrics.Auc,
                ["aucPr"] = fraud.Metrics.AucPr,
                ["precision"] = fraud.Metrics.Precision,
                ["recall"] = fraud.Metrics.Recall,
                ["falsePositiveRate"] = fraud.Metrics.FalsePositiveRate,
                ["f1"] = fraud.Metrics.F1,
                ["threshold"] = fraud.Metrics.Threshold,
            }));
        }

        return Task.FromResult<IReadOnlyList<ModelCardView>>(cards);
    }
}
