using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.MemoryBench;

/// <summary>One onboarded customer of the run: its id, its token, its one account and the device it uses.</summary>
public sealed record Member(string CustomerId, string Token, string AccountId, string DeviceId);

/// <summary>
/// Builds customers with a realistic history through the REST API: onboarding on a device of their own, one account and
/// a deposit, a few logins from that device, then payments to two other customers, so the customer, account and risk
/// grains hold what a real customer's do (ledger entries, settled legs, payment and login windows, payees, a device).
/// </summary>
public sealed class Population(FinApiClient api, MemoryOptions options)
{
    private static readonly string[] Cities = ["Shanghai", "Beijing", "Shenzhen", "Hangzhou"];

    /// <summary>Identity numbers this tool can make: 10,000 region codes in province 11 × 12,000 birth dates.</summary>
    private const int Identities = 10_000 * 12_000;

    private static int _identity = Random.Shared.Next(0, Identities);

    private ParallelOptions Concurrency => new() { MaxDegreeOfParallelism = options.Parallelism };

    public async Task<IReadOnlyList<Member>> AddAsync(int customers)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var members = new Member[customers];
        await Parallel.ForEachAsync(Enumerable.Range(0, customers), Concurrency, async (i, _) =>
        {
            var device = string.Create(CultureInfo.InvariantCulture, $"dev-{run}-{i}");
            var (customer, token) = await OnboardAsync(device);
            var account = await api.OpenAccountAsync(token, customer);
            await api.DepositAsync(token, account, 1_000_000m);
            members[i] = new Member(customer, token, account, device);
            for (var n = 0; n < options.LoginsEach; n++)
            {
                await LoginAsync(members[i], n);
            }
        });
        await Parallel.ForEachAsync(Enumerable.Range(0, customers), Concurrency, async (i, _) =>
        {
            for (var n = 0; n < options.PaymentsEach; n++)
            {
                await PayAsync(members, i, n);
            }
        });
        return members;
    }

    /// <summary>One more login and one more payment for every member: what an active customer does.</summary>
    public Task ActAgainAsync(IReadOnlyList<Member> members) =>
        Parallel.ForEachAsync(Enumerable.Range(0, members.Count), Concurrency, async (i, _) =>
        {
            await LoginAsync(members[i], options.LoginsEach);
            await PayAsync(members, i, options.PaymentsEach);
        });

    /// <summary>
    /// Onboards a customer on its own device. <see cref="TestData.IdNumber"/> repeats a number after 12,000 customers,
    /// which the identity index rightly refuses, so a population past that takes its numbers from a larger space.
    /// </summary>
    private async Task<(string CustomerId, string Token)> OnboardAsync(string device)
    {
        var n = (int)((uint)Interlocked.Increment(ref _identity) % Identities);
        var region = string.Create(CultureInfo.InvariantCulture, $"11{n / 12_000:D4}");
        var idNumber = TestData.IdNumber(new DateOnly(1960, 1, 1).AddDays(n % 12_000), region);
        using var response = await api.Http.PostAsJsonAsync("/customers",
            new { name = "Test Customer", idNumber, phone = TestData.Phone(), deviceId = device });
        await ExpectAsync(response, HttpStatusCode.Created);
        var customer = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return (customer, await api.TokenAsync(customer, "customer"));
    }

    private async Task LoginAsync(Member member, int n)
    {
        using var login = await api.SendAsync(HttpMethod.Post, $"/customers/{member.CustomerId}/logins", member.Token,
            new { deviceId = member.DeviceId, ip = "203.0.113.7", country = "CN", city = Cities[n % Cities.Length] });
        await ExpectAsync(login, HttpStatusCode.Accepted);
    }

    private async Task PayAsync(IReadOnlyList<Member> members, int payer, int n)
    {
        var from = members[payer];
        var to = members[(payer + 1 + (n % 2)) % members.Count].AccountId;
        using var payment = await api.PayAsync(from.Token, from.AccountId, to, 10m + n, deviceId: from.DeviceId);
        await ExpectAsync(payment, HttpStatusCode.Created);
        var status = (await payment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
        if (status != "Completed")
        {
            throw new InvalidOperationException($"A payment of the population ended {status}; the history would not be the one meant.");
        }
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
