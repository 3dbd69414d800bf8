using System.Diagnostics;
using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Domain;
using Orleans.Fin.Risk.Model;

namespace Orleans.Fin.ModelTraining;

/// <summary>What the trainer prints.</summary>
internal static class Reports
{
    public static void Metrics(FraudModel model)
    {
        var m = model.Metrics;
        Console.WriteLine();
        Console.WriteLine($"{model.Version} ({m.Trainer}): trained on {m.TrainRows} payments ({m.TrainPositives} fraud) in {m.TrainingSeconds:F2} s");
        Console.WriteLine($"  held out by customer: {m.TestRows} payments ({m.TestPositives} fraud)");
        Console.WriteLine($"  AUC {m.Auc:F4}  AUPRC {m.AucPr:F4}");
        Console.WriteLine($"  at threshold {m.Threshold:F2} (best F1 on validation customers): precision {m.Precision:F3}  recall {m.Recall:F3}  " +
            $"false-positive rate {m.FalsePositiveRate:P3}  F1 {m.F1:F3}");
    }

    public static void PerPattern(FraudModel model, IReadOnlyList<LabelledFraudFeatures> rows)
    {
        var test = rows.Where(r => FraudTrainingSet.Bucket(r.CustomerId) is 0 or 1).ToList();
        var scores = test.Select(model.Predict).ToList();
        foreach (var pattern in FraudPatterns.All)
        {
            var indices = Enumerable.Range(0, test.Count).Where(i => test[i].Pattern == pattern).ToList();
            var caught = indices.Count(i => scores[i] >= model.Metrics.Threshold);
            Console.WriteLine($"  recall {pattern,-17} {(indices.Count == 0 ? 0 : (double)caught / indices.Count):P1} of {indices.Count}");
        }
    }

    /// <summary>The whole scorer (rules + model) over held-out customers, event by event as the risk grain would run it.</summary>
    public static void Scorer(FraudModel model, IReadOnlyList<SimulatedCustomer> customers, int explain)
    {
        var scorer = new RiskScorer(new RiskOptions(), model);
        var levels = new Dictionary<(bool Fraud, RiskLevel Level), int>();
        int ordinaryCustomers = 0, ordinaryWithHigh = 0, incidents = 0, incidentsStopped = 0, loginsMedium = 0, loginsHigh = 0, logins = 0;
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        var byPattern = new Dictionary<string, (int Incidents, int High, int MediumOrHigh, int FirstHighAt)>(StringComparer.Ordinal);
        foreach (var customer in customers.Where(c => FraudTrainingSet.Bucket(c.CustomerId) is 0 or 1))
        {
            var profile = new BehaviourProfile();
            var ordinaryHigh = false;
            var stopped = false;
            var challenged = false;
            var fraudPayments = 0;
            var firstHighAt = 0;
            foreach (var e in customer.Events)
            {
                if (e.Candidate is { } candidate && !BehaviourTracker.HasSeen(profile, e.Activity.EventId))
                {
                    var verdict = scorer.ScorePayment(profile, candidate);
                    levels[(e.IsFraud, verdict.Level)] = levels.GetValueOrDefault((e.IsFraud, verdict.Level)) + 1;
                    ordinaryHigh |= !e.IsFraud && verdict.Level == RiskLevel.High;
                    if (!e.IsFraud && verdict.Level == RiskLevel.High && explain-- > 0)
                    {
                        Console.WriteLine($"  ordinary High: {customer.CustomerId} {candidate.At:MM-dd HH:mm} {candidate.Amount} {candidate.Currency} {candidate.City} " +
                            $"{candidate.DeviceId} bound={candidate.DeviceBound} score={verdict.Score} p={verdict.ModelProbability:F2} {string.Join(",", verdict.Reasons)}");
                    }

                    if (e.IsFraud)
                    {
                        fraudPayments++;
                        firstHighAt = firstHighAt == 0 && verdict.Level == RiskLevel.High ? fraudPayments : firstHighAt;
                        stopped |= verdict.Level == RiskLevel.High;
                        challenged |= verdict.Level != RiskLevel.Low;
                    }

                    if (!e.IsFraud && verdict.Level != RiskLevel.Low)
                    {
                        foreach (var reason in verdict.Reasons)
                        {
                            reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
                        }
                    }
                }

                if (BehaviourTracker.Observe(profile, e.Activity) && e.Activity.Kind == Orleans.Fin.Payments.ActivityKind.Login)
                {
                    logins++;
                    var level = scorer.ScoreActivity(profile, e.Activity).Level;
                    loginsMedium += level == RiskLevel.Medium ? 1 : 0;
                    loginsHigh += level == RiskLevel.High ? 1 : 0;
                }
            }

            ordinaryCustomers += customer.FraudPattern is null ? 1 : 0;
            ordinaryWithHigh += customer.FraudPattern is null && ordinaryHigh ? 1 : 0;
            incidents += customer.FraudPattern is null ? 0 : 1;
            incidentsStopped += stopped ? 1 : 0;
            if (customer.FraudPattern is { } pattern)
            {
                var (n, high, medium, first) = byPattern.GetValueOrDefault(pattern);
                byPattern[pattern] = (n + 1, high + (stopped ? 1 : 0), medium + (challenged ? 1 : 0), first + firstHighAt);
            }
        }

        int Count(bool fraud, RiskLevel level) => levels.GetValueOrDefault((fraud, level));
        var fraudTotal = Count(true, RiskLevel.Low) + Count(true, RiskLevel.Medium) + Count(true, RiskLevel.High);
        var ordinaryTotal = Count(false, RiskLevel.Low) + Count(false, RiskLevel.Medium) + Count(false, RiskLevel.High);
        Console.WriteLine();
        Console.WriteLine($"scorer (rules + {model.Version}, default thresholds) on held-out customers, inline before each payment:");
        Console.WriteLine($"  fraud payments    {fraudTotal,6}: High {Share(Count(true, RiskLevel.High), fraudTotal)}  Medium {Share(Count(true, RiskLevel.Medium), fraudTotal)}  Low {Share(Count(true, RiskLevel.Low), fraudTotal)}");
        Console.WriteLine($"  ordinary payments {ordinaryTotal,6}: High {Share(Count(false, RiskLevel.High), ordinaryTotal)}  Medium {Share(Count(false, RiskLevel.Medium), ordinaryTotal)}  Low {Share(Count(false, RiskLevel.Low), ordinaryTotal)}");
        Console.WriteLine($"  incidents with a High payment: {incidentsStopped} of {incidents}; ordinary customers with any High payment: {ordinaryWithHigh} of {ordinaryCustomers}");
        foreach (var (pattern, (n, high, medium, first)) in byPattern.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"    {pattern,-17} incidents {n,3}: reached High {high,3}, Medium or High {medium,3}; first High at fraud payment #{(high == 0 ? 0 : (double)first / high):F1} on average");
        }

        Console.WriteLine($"  logins {logins}: Medium {Share(loginsMedium, logins)}  High {Share(loginsHigh, logins)}");
        Console.WriteLine($"  reasons on ordinary payments above Low: {string.Join(", ", reasons.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}"))}");
    }

    /// <summary>Microseconds per prediction: features alone, features + model, model alone; then two threads sharing the pool.</summary>
    public static void Latency(FraudModel model, IReadOnlyList<SimulatedCustomer> customers, int predictions)
    {
        var cases = new List<(BehaviourProfile Profile, PaymentCandidate Candidate)>();
        foreach (var customer in customers.Take(1_000))
        {
            var profile = new BehaviourProfile();
            foreach (var e in customer.Events)
            {
                if (e.Candidate is { } c && profile.Payments.Count > 3)
                {
                    cases.Add((Clone(profile), c));
                    break;
                }

                BehaviourTracker.Observe(profile, e.Activity);
            }
        }

        var features = cases.Select(c => FraudFeatureExtractor.Extract(c.Profile, c.Candidate)).ToList();
        // Best of three rounds after a warm-up: the machine is shared, and the best round is the least disturbed one.
        double Run(Action<int> action, int n)
        {
            for (var i = 0; i < 20_000; i++)
            {
                action(i);
            }

            var best = double.MaxValue;
            for (var round = 0; round < 3; round++)
            {
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < n; i++)
                {
                    action(i);
                }

                best = Math.Min(best, clock.Elapsed.TotalMicroseconds / n);
            }

            return best;
        }

        var sink = 0f;
        var extract = Run(i => sink += FraudFeatureExtractor.Extract(cases[i % cases.Count].Profile, cases[i % cases.Count].Candidate).AmountLog, predictions);
        var both = Run(i => sink += model.Predict(FraudFeatureExtractor.Extract(cases[i % cases.Count].Profile, cases[i % cases.Count].Candidate)), predictions);
        var predict = Run(i => sink += model.Predict(features[i % features.Count]), predictions);

        var parallel = Stopwatch.StartNew();
        Parallel.For(0, predictions, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => model.Predict(features[i % features.Count]));
        var parallelUs = parallel.Elapsed.TotalMicroseconds / predictions;

        Console.WriteLine();
        Console.WriteLine($"latency per prediction, best of 3 rounds of {predictions} ({cases.Count} distinct profiles), one thread:");
        Console.WriteLine($"  features only (baseline)  {extract,7:F2} us");
        Console.WriteLine($"  features + model          {both,7:F2} us  -> the model adds {both - extract:F2} us");
        Console.WriteLine($"  model only                {predict,7:F2} us");
        Console.WriteLine($"  model only, 2 threads     {parallelUs,7:F2} us wall per prediction (pooled engines)  [{sink:F0}]");
    }

    private static string Share(int part, int total) => total == 0 ? "-" : $"{(double)part / total,7:P2}";

    private static BehaviourProfile Clone(BehaviourProfile profile) =>
        System.Text.Json.JsonSerializer.Deserialize<BehaviourProfile>(System.Text.Json.JsonSerializer.Serialize(profile))!;
}
