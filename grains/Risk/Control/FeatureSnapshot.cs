using Orleans.Fin.Payments;
using Orleans.Fin.Risk.Domain;
using Orleans.Fin.Risk.Model;

namespace Orleans.Fin.Risk.Control;

/// <summary>The fraud model's features at decision time, by column name, as kept with a case and its training label.</summary>
public static class FeatureSnapshot
{
    private static readonly IReadOnlyList<(string Name, Func<FraudFeatures, float> Read)> Columns =
        [.. FraudFeatures.ColumnNames.Select(name =>
        {
            var property = typeof(FraudFeatures).GetProperty(name)!;
            return (name, (Func<FraudFeatures, float>)(f => (float)property.GetValue(f)!));
        })];

    public static Dictionary<string, double> Of(FraudFeatures features) =>
        Columns.ToDictionary(c => c.Name, c => (double)c.Read(features), StringComparer.Ordinal);

    public static Dictionary<string, double> Of(BehaviourProfile profile, PaymentCandidate candidate) =>
        Of(FraudFeatureExtractor.Extract(profile, candidate));

    /// <summary>Features of an outgoing payment or withdrawal; other events (logins, money in) have none.</summary>
    public static Dictionary<string, double> Of(BehaviourProfile profile, CustomerActivity activity) =>
        activity.Kind is ActivityKind.PaymentOut or ActivityKind.Withdrawal
            ? Of(FraudFeatureExtractor.Extract(profile, activity))
            : new Dictionary<string, double>(StringComparer.Ordinal);
}
