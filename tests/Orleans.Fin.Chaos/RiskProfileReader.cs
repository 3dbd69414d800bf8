namespace Orleans.Fin.Chaos;

/// <summary>
/// Reads every customer's risk profile through the REST API as staff (GET /risk/customers/{id}): each answer comes from
/// the customer's risk grain, and a grain whose state refers to a cold part that is missing or unreadable does not
/// activate. Any answer but a 200 naming the customer is a failure; there is no retry, for the system has settled.
/// </summary>
public sealed class RiskProfileReader(ChaosApi api)
{
    /// <summary>How long one read may take: a cold activation reads the state and its part on a busy machine.</summary>
    public static readonly TimeSpan ReadBudget = TimeSpan.FromSeconds(30);

    public async Task<RiskProfileCheck> ReadAllAsync(string staffToken, IReadOnlyList<ChaosCustomer> customers)
    {
        var answers = new Answer[customers.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, customers.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            answers[i] = await api.GetAsync($"/risk/customers/{customers[i].Id}", staffToken, ReadBudget));

        var failures = customers.Zip(answers)
            .Where(read => read.Second.Status != 200 || read.Second.Text("customerId") != read.First.Id)
            .Select(read => $"the risk profile of customer {read.First.Id} did not read: GET /risk/customers/{read.First.Id} answered {read.Second.Describe()} {read.Second.Body}")
            .ToList();
        return new RiskProfileCheck(customers.Count, failures, answers.Length == 0 ? TimeSpan.Zero : answers.Max(a => a.Elapsed));
    }
}
