using Microsoft.Extensions.Options;
using Orleans.Fin.Credit.Domain;
using Orleans.Fin.Models.Domain;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Model;

namespace Orleans.Fin.Models;

/// <summary>
/// The labelled outcomes models are judged and retrained on. Fraud: every resolved case of the last
/// <see cref="ModelLifecycleOptions.LabelMonths"/> months with the features the engine saw when it decided
/// (ConfirmedFraud = positive, FalsePositive = negative), plus the sampled payments that stayed unreported for the label
/// window (negatives, see DecisionLabels). Credit: realised outcomes of disbursed loans
/// (NonPerforming = default, Closed = repaid) from the credit outcome store.
/// </summary>
public sealed class LabelledOutcomes(IGrainFactory grains, TimeProvider clock, IOptions<ModelLifecycleOptions> options)
{
    public async Task<IReadOnlyList<FraudOutcome>> Fraud()
    {
        List<FraudOutcome> outcomes = [];
        var month = clock.GetUtcNow();
        for (var i = 0; i < options.Value.LabelMonths; i++, month = month.AddMonths(-1))
        {
            foreach (var key in new[] { RiskCaseGrain.LabelStoreKey(month), RiskLabelStoreGrain.UnreportedKey(month) })
            {
                await ReadStoreAsync(grains.GetGrain<IRiskLabelStoreGrain>(key), outcomes);
            }
        }

        return outcomes;
    }

    private static async Task ReadStoreAsync(IRiskLabelStoreGrain store, List<FraudOutcome> into)
    {
        long? cursor = 0;
        while (cursor is { } from)
        {
            var page = await store.List(from, 500);
            into.AddRange(page.Items.Where(l => l.Snapshot.Features.Count == FraudFeatures.ColumnNames.Count)
                .Select(l => new FraudOutcome(l.CaseId, l.CustomerId, FeaturesOf(l.Snapshot.Features), l.IsFraud)));
            cursor = page.NextCursor;
        }
    }

    public async Task<IReadOnlyList<CreditRecord>> Credit() =>
        [.. (await grains.GetGrain<ICreditOutcomeGrain>(ICreditOutcomeGrain.Key).Realised()).Select(o => new CreditRecord(ApplicationOf(o.Application), o.Defaulted))];

    public static CreditApplication ApplicationOf(CreditOutcomeApplication a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Seniority, a.Home, a.TermMonths, a.Age, a.MaritalStatus, a.Records, a.Job, a.Expenses, a.Income, a.Assets, a.Debt, a.Amount, a.Price);
    }

    public static CreditOutcomeApplication WireOf(CreditApplication a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Seniority, a.Home, a.TermMonths, a.Age, a.MaritalStatus, a.Records, a.Job, a.Expenses, a.Income, a.Assets, a.Debt, a.Amount, a.Price);
    }

    /// <summary>A model version's scores on the outcomes, paired with what happened.</summary>
    public static IReadOnlyList<LabelledScore> Scores(LoadedModel model, IReadOnlyList<FraudOutcome> fraud, IReadOnlyList<CreditRecord> credit)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Fraud is { } f)
        {
            return [.. fraud.Select(o => new LabelledScore(f.Predict(o.Features), o.IsFraud))];
        }

        var scorer = new Credit.Model.CreditScorer(model.Credit!);
        return [.. credit.Select(r => new LabelledScore(scorer.Score(r.Application, maxReasons: 0).ProbabilityOfDefault, r.Defaulted))];
    }

    public static FraudFeatures FeaturesOf(IReadOnlyDictionary<string, double> values)
    {
        var features = new FraudFeatures();
        foreach (var name in FraudFeatures.ColumnNames)
        {
            typeof(FraudFeatures).GetProperty(name)!.SetValue(features, (float)values[name]);
        }

        return features;
    }
}

/// <summary>A resolved case as a training and evaluation example: the features the engine saw and whether it was fraud.</summary>
public sealed record FraudOutcome(string CaseId, string CustomerId, FraudFeatures Features, bool IsFraud);
