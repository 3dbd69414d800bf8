using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk.Model;

/// <summary>
/// Turns simulated customers into training rows exactly as production would see them: every event goes through
/// <see cref="BehaviourTracker.Observe"/>, and every outgoing payment is featurised by
/// <see cref="FraudFeatureExtractor"/> against the profile as it was just before it (the inline pre-authorisation view).
/// </summary>
public static class FraudTrainingSet
{
    public static List<LabelledFraudFeatures> Build(IEnumerable<SimulatedCustomer> customers)
    {
        List<LabelledFraudFeatures> rows = [];
        foreach (var customer in customers)
        {
            var profile = new BehaviourProfile();
            foreach (var e in customer.Events)
            {
                if (e.Candidate is { } candidate && !BehaviourTracker.HasSeen(profile, e.Activity.EventId))
                {
                    var row = FraudFeatureExtractor.Extract(profile, RiskEvent.From(candidate), new LabelledFraudFeatures());
                    row.Label = e.IsFraud;
                    row.CustomerId = customer.CustomerId;
                    row.Pattern = e.Pattern;
                    rows.Add(row);
                }

                BehaviourTracker.Observe(profile, e.Activity);
            }
        }

        return rows;
    }

    /// <summary>Which part of a split a customer falls in, by a stable hash of the id: 0–9.</summary>
    public static int Bucket(string customerId)
    {
        var hash = 2166136261u;
        foreach (var c in customerId)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (int)(hash % 10);
    }
}
