using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.MemoryBench;

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

    public async Task<Members> AddAsync(int customers)
    {
        var added = new Member[customers];
        var members = new Members(Guid.NewGuid().ToString("N")[..6], added);
        await Parallel.ForEachAsync(Enumerable.Range(0, customers), Concurrency, async (i, _) =>
        {
            var device = members.DeviceId(i);
            var (customer, token) = await OnboardAsync(device);
            var account = await api.OpenAccountAsync(token, customer);
            await api.DepositAsync(token, account, 1_000_000m);
            added[i] = Member.Of(customer, account);
            for (var n = 0; n < options.LoginsEach; n++)
            {
                await LoginAsync(token, customer, device, n);
            }
        });
        await Parallel.ForEachAsync(Enumerable.Range(0, customers), Concurrency, async (i, _) =>
        {
            var token = await TokenAsync(members[i]);
            for (var n = 0; n < options.PaymentsEach; n++)
            {
                await PayAsync(token, members, i, n);
            }
        });
        return members;
    }

    /// <summary>One more login and one more payment for every member: what an active customer does.</summary>
    public Task ActAgainAsync(Members members) =>
        Parallel.ForEachAsync(Enumerable.Range(0, members.Count), Concurrency, async (i, _) =>
        {
            var token = await TokenAsync(members[i]);
            await LoginAsync(token, members[i].CustomerId, members.DeviceId(i), options.LoginsEach);
            await PayAsync(token, members, i, options.PaymentsEach);
        });

    /// <summary>A customer token, made when the customer acts and dropped after: the tool keeps no token per customer.</summary>
    private Task<string> TokenAsync(Member member) => api.TokenAsync(member.CustomerId, "customer");

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

    private async Task LoginAsync(string token, string customer, string device, int n)
    {
        using var login = await api.SendAsync(HttpMethod.Post, $"/customers/{customer}/logins", token,
            new { deviceId = device, ip = "203.0.113.7", country = "CN", city = Cities[n % Cities.Length] });
        await ExpectAsync(login, HttpStatusCode.Accepted);
    }

    private async Task PayAsync(string token, Members members, int payer, int n)
    {
        var to = members[(payer + 1 + (n % 2)) % members.Count].AccountId;
        using var payment = await api.PayAsync(token, members[payer].AccountId, to, 10m + n, deviceId: members.DeviceId(payer));
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
