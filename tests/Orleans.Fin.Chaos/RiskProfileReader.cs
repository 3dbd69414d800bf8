using System.Diagnostics;

namespace Orleans.Fin.Chaos;

/// <summary>
/// Reads every customer's risk profile through the REST API as staff (GET /risk/customers/{id}): each answer comes from
/// the customer's risk grain, and a grain whose state refers to a cold part that is missing or unreadable does not
/// activate. The reads follow a restart of every silo, so a 503 or a failed connection (client-api reconnecting to the
/// gateways) is retried within <see cref="ReconnectWindow"/>; any other answer but a 200 naming the customer is a failure.
/// </summary>
public sealed class RiskProfileReader(ChaosApi api)
{
    /// <summary>How long one read may take: a cold activation reads the state and its part on a busy machine.</summary>
    public static readonly TimeSpan ReadBudget = TimeSpan.FromSeconds(30);

    /// <summary>How long, from the first read, a 503 or a failed connection is retried.</summary>
    public static readonly TimeSpan ReconnectWindow = TimeSpan.FromSeconds(60);

    public async Task<RiskProfileCheck> ReadAllAsync(string staffToken, IReadOnlyList<ChaosCustomer> customers)
    {
        var answers = new Answer[customers.Count];
        var retried = 0;
        var window = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, customers.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancel) =>
        {
            var path = $"/risk/customers/{customers[i].Id}";
            var answer = await api.GetAsync(path, staffToken, ReadBudget);
            while (IsReconnecting(answer) && window.Elapsed < ReconnectWindow)
            {
                Interlocked.Increment(ref retried);
                await Task.Delay(TimeSpan.FromSeconds(1), cancel);
                answer = await api.GetAsync(path, staffToken, ReadBudget);
            }

            answers[i] = answer;
        });

        var failures = customers.Zip(answers)
            .Where(read => read.Second.Status != 200 || read.Second.Text("customerId") != read.First.Id)
            .Select(read => $"the risk profile of customer {read.First.Id} did not read: GET /risk/customers/{read.First.Id} answered {read.Second.Describe()} {read.Second.Body}")
            .ToList();
        return new RiskProfileCheck(customers.Count, failures, answers.Length == 0 ? TimeSpan.Zero : answers.Max(a => a.Elapsed), retried, window.Elapsed);
    }

    private static bool IsReconnecting(Answer answer) =>
        answer.Status == 503 || answer.Failure?.StartsWith("connection:", StringComparison.Ordinal) == true;
}
