using System.Diagnostics;
using Orleans.Fin.Credit;
using Orleans.Fin.Credit.Domain;
using Orleans.Fin.Credit.Model;

namespace Orleans.Fin.CreditTraining;

/// <summary>Prints the training results as Markdown tables.</summary>
internal static class Reports
{
    public static void Quality(CreditDataQualityReport report)
    {
        Console.WriteLine("## Data quality (embedded credit_applications.csv)");
        Console.WriteLine();
        Console.WriteLine($"- rows: {report.Rows}; valid after cleaning: {report.ValidRows} ({report.ValidShare:P1}); training requires ≥ 95%");
        Console.WriteLine($"- complete rows (every field present and in range, before imputation): {report.CompleteRows} ({report.CompleteShare:P1})");
        Console.WriteLine($"- defaults (Status bad) among valid: {report.Defaults} ({report.DefaultRate:P1}); malformed rows: {report.MalformedRows}");
        Console.WriteLine();
        Console.WriteLine("| column | missing | out of range | of which sentinel 99999999 | unknown category |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var column in CreditDataCleaning.Columns)
        {
            Console.WriteLine($"| {column} | {report.MissingPerColumn.GetValueOrDefault(column)} | {report.OutOfRangePerColumn.GetValueOrDefault(column)} | {report.SentinelsPerColumn.GetValueOrDefault(column)} | {report.UnknownCategoriesPerColumn.GetValueOrDefault(column)} |");
        }

        var invalid = report.InvalidReasons.Count == 0 ? "none" : string.Join(", ", report.InvalidReasons.Select(r => $"{r.Key} {r.Value}"));
        Console.WriteLine();
        Console.WriteLine($"Invalid records by first failing column: {invalid}.");
        Console.WriteLine();
    }

    public static void Models(CreditTrainingResult result, TimeSpan cold, TimeSpan warm)
    {
        var m = result.Champion.Metrics;
        Console.WriteLine($"## Cross-validation ({m.Folds}-fold stratified, {m.Records} records, pooled out-of-fold predictions)");
        Console.WriteLine();
        Console.WriteLine("| model | version | role | AUC | AUC sd (folds) | KS | accuracy @ PD cut-off | accuracy @ 0.5 | Brier |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var model in result.Models)
        {
            var x = model.Metrics;
            Console.WriteLine($"| {model.Kind} | {model.Version} | {model.Role} | {x.Auc:F4} | {x.AucPerFoldStdDev:F4} | {x.Ks:F4} | {x.Accuracy:F4} (@{x.Cutoff:F2}) | {x.AccuracyAtHalf:F4} | {x.Brier:F4} |");
        }

        Console.WriteLine();
        Console.WriteLine($"Training (cross-validation of both learners + final fits): {cold.TotalSeconds:F2} s cold (first in process, incl. JIT), {warm.TotalSeconds:F2} s warm; {Environment.ProcessorCount} cores.");
        Console.WriteLine();
    }

    public static void Calibration(CreditModel model)
    {
        Console.WriteLine($"### Calibration of {model.Version} ({model.Role}): deciles of out-of-fold PD");
        Console.WriteLine();
        Console.WriteLine("| decile | n | PD range | mean predicted PD | observed default rate |");
        Console.WriteLine("|---:|---:|---|---:|---:|");
        foreach (var bin in model.Metrics.Calibration)
        {
            Console.WriteLine($"| {bin.Bin} | {bin.Count} | {bin.MinPd:F3}–{bin.MaxPd:F3} | {bin.MeanPredictedPd:F3} | {bin.ObservedDefaultRate:F3} |");
        }

        Console.WriteLine();
    }

    public static void Coefficients(CreditModel logistic)
    {
        Console.WriteLine($"### {logistic.Version} coefficients (log-odds of default per standard deviation of the slot), largest |β| first");
        Console.WriteLine();
        Console.WriteLine("| slot | β | reason code |");
        Console.WriteLine("|---|---:|---|");
        foreach (var i in Enumerable.Range(0, logistic.SlotNames.Count).OrderByDescending(i => Math.Abs(logistic.Coefficients[i])).Take(15))
        {
            Console.WriteLine($"| {logistic.SlotNames[i]} | {logistic.Coefficients[i]:+0.000;-0.000} | {logistic.SlotReasons[i]} |");
        }

        Console.WriteLine();
    }

    public static void ScoreScale(CreditOptions policy)
    {
        var scale = CreditScoreScale.Default;
        Console.WriteLine($"## Score scale: {scale.BaseScore} points at {scale.BaseOdds}:1, {scale.PointsToDoubleOdds} points to double the odds, {scale.MinScore}–{scale.MaxScore}");
        Console.WriteLine($"factor = {scale.Factor:F4}, offset = {scale.Offset:F4}; approval cut-off PD ≤ {policy.ApproveMaxPd:F2} ⇔ score ≥ {policy.ApproveMinScore}");
        Console.WriteLine();
        Console.WriteLine("| PD | odds good:bad | score | band | annual rate |");
        Console.WriteLine("|---:|---:|---:|---|---:|");
        foreach (var pd in new[] { 0.005, 1 / 51.0, 0.05, 0.10, 0.20, 0.30, 0.50, 0.80 })
        {
            var band = CreditPricing.BandFor(pd);
            Console.WriteLine($"| {pd:F4} | {(1 - pd) / pd:F2} | {scale.Score(pd)} | {band.Band} | {band.AnnualRate:P1} |");
        }

        Console.WriteLine();
    }

    public static void Latency(CreditScorer scorer, IReadOnlyList<CreditApplication> applications, int decisions)
    {
        for (var i = 0; i < 2_000; i++)
        {
            scorer.Score(applications[i % applications.Count]);
        }

        var samples = new double[decisions];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < decisions; i++)
        {
            var start = Stopwatch.GetTimestamp();
            scorer.Score(applications[i % applications.Count]);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        total.Stop();
        Array.Sort(samples);
        var parallel = Stopwatch.StartNew();
        Parallel.For(0, decisions, i => scorer.Score(applications[i % applications.Count]));
        parallel.Stop();
        Console.WriteLine($"## Scoring latency ({scorer.Champion.Version}, features + PD + score + reasons, {decisions} decisions)");
        Console.WriteLine();
        Console.WriteLine($"- one thread: mean {total.Elapsed.TotalMicroseconds / decisions:F1} µs/decision, p50 {samples[decisions / 2]:F1} µs, p99 {samples[(int)(decisions * 0.99)]:F1} µs");
        Console.WriteLine($"- {Environment.ProcessorCount} threads (pooled engines): {decisions / parallel.Elapsed.TotalSeconds:F0} decisions/s");
        Console.WriteLine();
    }

    public static void Examples(CreditScorer scorer, IReadOnlyList<CreditRecord> records, CreditOptions policy)
    {
        Console.WriteLine("## Example decisions");
        Console.WriteLine();
        Console.WriteLine("| applicant | actual | PD | score | decision | rate | reasons |");
        Console.WriteLine("|---|---|---:|---:|---|---:|---|");
        var picks = new (string Label, CreditRecord Record, decimal Amount)[]
        {
            ("first record", records[0], records[0].Application.Amount),
            ("first with past default records", records.First(r => r.Application.Records), records.First(r => r.Application.Records).Application.Amount),
            ("first with income unknown", records.First(r => r.Application.Income is null), records.First(r => r.Application.Income is null).Application.Amount),
            ("first record asking 25000 for goods of 30000", records[0] with { Application = records[0].Application with { Price = 30_000m } }, 25_000m),
        };
        foreach (var (label, record, amount) in picks)
        {
            var assessment = scorer.Score(record.Application with { Amount = amount }, policy.MaxReasons);
            var decision = CreditDecisionPolicy.Decide(assessment, amount, policy);
            var rate = decision.AnnualRate is { } r ? r.ToString("P1") : "–";
            Console.WriteLine($"| {label} | {(record.Defaulted ? "bad" : "good")} | {decision.ProbabilityOfDefault:F3} | {decision.CreditScore} | {decision.Outcome} ({decision.Recommendation}) | {rate} | {string.Join(", ", decision.Reasons)} |");
        }

        Console.WriteLine();
    }

    public static void Shipped(CreditScorer shipped, CreditScorer fresh, IReadOnlyList<CreditApplication> applications, TimeSpan load, string dataSha256, string where)
    {
        var largest = applications.Max(a => Math.Abs(shipped.Score(a).ProbabilityOfDefault - fresh.Score(a).ProbabilityOfDefault));
        Console.WriteLine($"## Models {where}");
        Console.WriteLine();
        Console.WriteLine($"- champion {shipped.Champion.Version}, challenger {shipped.Challenger?.Version ?? "none"}; loaded and first decision in {load.TotalMilliseconds:F0} ms");
        Console.WriteLine($"- largest |PD difference| against this run's champion over {applications.Count} applications: {largest:E2}");
        Console.WriteLine($"- data SHA-256 {dataSha256}");
        Console.WriteLine();
    }

    /// <summary>Approval rate and mean PD by age band and by marital status, with the adverse impact ratio.</summary>
    public static void Fairness(CreditScorer scorer, IReadOnlyList<CreditApplication> applications, CreditOptions policy)
    {
        var scored = applications.Select(a => (Application: a, Pd: scorer.Score(a, maxReasons: 0).ProbabilityOfDefault)).ToList();
        Console.WriteLine($"#### Fair lending: {scorer.Champion.Version} over the {scored.Count} applications (approve when PD <= {policy.ApproveMaxPd:0.00})");
        Console.WriteLine();
        foreach (var (title, groupOf) in new (string, Func<CreditApplication, string>)[]
        {
            ("age band", a => DisparateImpact.AgeBand(a.Age)),
            ("marital status", a => a.MaritalStatus ?? "unknown"),
        })
        {
            Console.WriteLine($"| {title} | applications | approval rate | mean PD | impact ratio |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var g in DisparateImpact.By(scored.Select(s => (groupOf(s.Application), s.Pd)), policy.ApproveMaxPd))
            {
                Console.WriteLine($"| {g.Group} | {g.Applications} | {g.ApprovalRate:0.000} | {g.MeanPd:0.000} | {g.ImpactRatio:0.00} |");
            }

            Console.WriteLine();
        }
    }
}
