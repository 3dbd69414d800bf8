using System.Collections.Concurrent;

namespace Orleans.Fin.Chaos;

/// <summary>
/// Concurrent payments among the run's customers, in both currencies and across them. A share of the
/// payments is sent twice with the same Idempotency-Key and body: half of those race the first
/// attempt, half follow its answer. Every attempt and its answer is recorded; nothing is retried
/// because an answer was lost (that is what the audit is about).
/// </summary>
public sealed class PaymentLoad(ChaosApi api, IReadOnlyList<ChaosCustomer> customers, ChaosCounters counters, double duplicateShare)
{
    private readonly ChaosAccount[] _accounts = [.. customers.SelectMany(c => c.Accounts)];

    public ConcurrentQueue<PaymentRecord> Records { get; } = new();

    public Task RunAsync(int concurrency, int seed, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(() => WorkerAsync(new Random(seed + worker), stop), CancellationToken.None)));

    private async Task WorkerAsync(Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var record = NextPayment(random);
            Records.Enqueue(record);
            counters.PaymentStarted();
            var duplicate = random.NextDouble() < duplicateShare;
            if (duplicate && random.Next(2) == 0)
            {
                counters.DuplicateSent();
                await Task.WhenAll(AttemptAsync(record), AttemptAsync(record));
                continue;
            }

            await AttemptAsync(record);
            if (duplicate)
            {
                counters.DuplicateSent();
                await AttemptAsync(record);
            }
        }
    }

    private PaymentRecord NextPayment(Random random)
    {
        var payer = customers[random.Next(customers.Count)];
        var from = payer.Accounts[random.Next(payer.Accounts.Count)];
        ChaosAccount to;
        do
        {
            to = _accounts[random.Next(_accounts.Length)];
        }
        while (to.CustomerId == payer.Id);

        // From 1.00: a smaller cross-currency amount converts to less than 0.01 and is rightly refused with 400.
        var amount = random.Next(100, 20_000) / 100m;
        var body = Onboarding.Json(new
        {
            fromAccountId = from.Id,
            toAccountId = to.Id,
            amount,
            currency = from.Currency,
            channel = "app",
            deviceId = payer.Device,
        });
        return new PaymentRecord(Guid.NewGuid().ToString("N"), body, payer, from, to, amount);
    }

    private async Task AttemptAsync(PaymentRecord record)
    {
        var answer = await api.PostAsync("/payments", record.Payer.Token, record.Body, record.Key);
        record.Add(answer);
        counters.Count(answer);
    }
}
