using System.Net;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;
using Orleans.Fin.Silo.Storage;
using Orleans.Fin.TestSupport;
using Orleans.Runtime;
using Orleans.Storage;
using static Orleans.Fin.PostgresTests.Storage.StorageHarness;

namespace Orleans.Fin.PostgresTests.RiskParts;

/// <summary>
/// Customers of a cluster of their own whose risk grains wrote their states in parts themselves: each customer's state is
/// seeded in parts against a cold part the first write must replace (it holds digests the windows no longer do), then
/// a payment through a node makes the grain write a new part, the state that refers to it, and delete the seeded one.
/// </summary>
public sealed class RiskPartsScenario
{
    private readonly Dictionary<string, (string Token, string From, string To)> accounts = new(StringComparer.Ordinal);
    private int payments;

    private RiskPartsScenario(string serviceId) => ServiceId = serviceId;

    /// <summary>The Orleans service id (and cluster id) of the scenario's rows.</summary>
    public string ServiceId { get; }

    public IReadOnlyList<string> Customers => [.. accounts.Keys];

    /// <summary>
    /// Creates the customers and seeds their states in parts; with <paramref name="pay"/> each then pays once, so that
    /// its grain writes its own part (without it, the first payment of the caller's does that).
    /// </summary>
    public static async Task<RiskPartsScenario> StartAsync(int customers, bool pay = true)
    {
        var scenario = new RiskPartsScenario("sweep-" + Guid.NewGuid().ToString("N")[..8]);
        await using (var node = PostgresDatabase.Node(scenario.ServiceId))
        {
            var api = node.Api();
            for (var i = 0; i < customers; i++)
            {
                var (customer, token) = await api.NewCustomerAsync();
                var from = await api.OpenAccountAsync(token, customer);
                var to = await api.OpenAccountAsync(token, customer);
                await api.DepositAsync(token, from, 10_000m);
                scenario.accounts[customer] = (token, from, to);
            }
        }

        await using (var storage = GroupCommit(scenario.ServiceId))
        {
            foreach (var customer in scenario.Customers)
            {
                await SeedInPartsAsync(storage, customer);
            }
        }

        if (pay)
        {
            await scenario.PayEachAsync();
        }

        return scenario;
    }

    /// <summary>
    /// On a node of the scenario's cluster, one payment per customer (each risk grain activates and writes); each must be
    /// created unless <paramref name="mustSucceed"/> is false.
    /// </summary>
    public async Task PayEachAsync(bool mustSucceed = true)
    {
        await using var node = PostgresDatabase.Node(ServiceId);
        var api = node.Api();
        foreach (var (customer, (token, from, to)) in accounts)
        {
            payments++;
            var response = await api.PayAsync(token, from, to, 12m, key: $"sweep-{payments}");
            Assert.True(!mustSucceed || response.StatusCode == HttpStatusCode.Created,
                $"payment of {customer}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The cold part the customer's stored risk state refers to.</summary>
    public async Task<string> ReferencedPartAsync(string customer)
    {
        await using var storage = GroupCommit(ServiceId);
        var state = new GrainState<RiskState>();
        await storage.ReadStateAsync("risk", Grain(customer), state);
        return Assert.IsType<RiskWindowParts>(Assert.IsType<RiskState>(state.State).Parts).Id;
    }

    /// <summary>Writes a new cold part for the customer through the group-commit provider and nothing else (as below).</summary>
    public async Task<string> WriteUnreferencedPartAsync(string customer)
    {
        await using var storage = GroupCommit(ServiceId);
        return await WriteUnreferencedPartAsync(storage, customer);
    }

    /// <summary>
    /// Writes a new cold part for the customer through <paramref name="storage"/> and nothing else: the first step of a
    /// grain's write in parts, as a process killed before the state write leaves it. Returns the part's id.
    /// </summary>
    public static async Task<string> WriteUnreferencedPartAsync(IGrainStorage storage, string customer)
    {
        var windows = RiskWindows.Take(BusyRiskState.Build(DateTimeOffset.UtcNow.AddHours(-20)));
        await storage.WriteStateAsync(RiskWindowsState.StateName(windows.Id), Grain(customer), new GrainState<RiskWindowsState>(windows.ToStored()));
        return windows.Id;
    }

    public static GrainId Grain(string customer) => GrainId.Create("risk", customer);

    private static async Task SeedInPartsAsync(GroupCommitGrainStorage storage, string customer)
    {
        var busy = BusyRiskState.Build(DateTimeOffset.UtcNow.AddHours(-20)); // long enough ago that no burst rule counts it
        busy.AuditCount = busy.Audit.Count;
        var old = RiskWindows.Take(BusyRiskState.WithDigestsGone(busy, WindowPartsPolicy.MaxStale + 8));
        await storage.WriteStateAsync(RiskWindowsState.StateName(old.Id), Grain(customer), new GrainState<RiskWindowsState>(old.ToStored()));
        var seeded = new GrainState<RiskState>();
        await storage.ReadStateAsync("risk", Grain(customer), seeded); // the ETag of what the grain wrote
        seeded.State = old.Written(busy).Stored;
        await storage.WriteStateAsync("risk", Grain(customer), seeded);
    }
}
