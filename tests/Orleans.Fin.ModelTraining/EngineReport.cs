using Orleans.Fin.Risk.Model;

namespace Orleans.Fin.ModelTraining;

/// <summary>Prints an <see cref="EngineOutcome"/>: detection per fraud pattern, false positives on ordinary customers and life events.</summary>
internal static class EngineReport
{
    public static void Print(string title, EngineOutcome outcome, int explain = 0)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine("  pattern            incidents  stopped  <=1 large escaped  large escaped (mean)  fraud payments completed");
        foreach (var pattern in FraudPatterns.Extended)
        {
            var incidents = outcome.Customers.Where(c => c.Customer.FraudPattern == pattern && c.FraudPayments > 0).ToList();
            if (incidents.Count == 0)
            {
                continue;
            }

            var stopped = incidents.Count(c => c.FraudCompleted < c.FraudPayments);
            var atMostOne = incidents.Count(c => c.LargeFraudCompleted <= 1);
            var payments = incidents.Sum(c => c.FraudPayments);
            Console.WriteLine($"  {pattern,-18} {incidents.Count,9}  {Share(stopped, incidents.Count),7}  {Share(atMostOne, incidents.Count),17}  " +
                $"{incidents.Average(c => c.LargeFraudCompleted),20:F2}  {Share(incidents.Sum(c => c.FraudCompleted), payments),24}");
        }

        var perCollector = outcome.Customers.Where(c => c.Customer.FraudPattern == FraudPatterns.ScamCollector)
            .GroupBy(c => c.Customer.Events.First(e => e.IsFraud).Activity.CounterpartyAccountId)
            .Select(g => g.Sum(c => c.LargeFraudCompleted)).ToList();
        if (perCollector.Count > 0)
        {
            Console.WriteLine($"  scam collectors: {perCollector.Count}, watched {outcome.CollectorsWatched}; large payments reaching one: mean {perCollector.Average():F2}, max {perCollector.Max()}");
        }

        Console.WriteLine("  ordinary customers  customers  frozen  with a held payment  with a code  codes per 1,000 payments");
        Row("all", [.. outcome.Customers.Where(c => c.Customer.FraudPattern is null)]);
        foreach (var life in LifeEvents.All)
        {
            Row(life, [.. outcome.Customers.Where(c => c.Customer.FraudPattern is null && c.Customer.LifeEvents?.Contains(life) == true)]);
        }

        foreach (var frozen in outcome.Customers.Where(c => c.FrozenOrdinary).Take(explain))
        {
            Console.WriteLine($"    frozen {frozen.Customer.CustomerId} [{string.Join(",", frozen.Customer.LifeEvents ?? [])}]: {frozen.FrozenBy}");
        }

        foreach (var scam in outcome.Customers.Where(c => c.Customer.FraudPattern == FraudPatterns.Scam && c.FraudCompleted < c.FraudPayments).Take(explain))
        {
            Console.WriteLine($"    scam stopped {scam.Customer.CustomerId}: {scam.FrozenBy ?? "held or declined, not frozen"}");
        }

        EscapedScams(outcome, explain);
    }

    /// <summary>Single-victim scams that let two or more large payments out, payment by payment.</summary>
    private static void EscapedScams(EngineOutcome outcome, int explain)
    {
        foreach (var scam in outcome.Customers.Where(c => c.Customer.FraudPattern == FraudPatterns.Scam && c.LargeFraudCompleted > 1).Take(explain))
        {
            Console.WriteLine($"    scam with {scam.LargeFraudCompleted} large payments out {scam.Customer.CustomerId}:");
            foreach (var payment in scam.FraudTrail)
            {
                Console.WriteLine($"      {payment}");
            }
        }
    }

    private static void Row(string label, List<CustomerReplay> customers)
    {
        var payments = customers.Sum(c => c.OrdinaryPayments);
        Console.WriteLine($"  {label,-18} {customers.Count,10}  {customers.Count(c => c.FrozenOrdinary),6}  {customers.Count(c => c.OrdinaryHeld > 0),19}  " +
            $"{customers.Count(c => c.OrdinaryCodes > 0),11}  {(payments == 0 ? 0 : 1_000.0 * customers.Sum(c => c.OrdinaryCodes) / payments),24:F1}");
    }

    private static string Share(int part, int total) => total == 0 ? "-" : $"{(double)part / total:P1}";
}
