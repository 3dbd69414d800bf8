using System.Net;
using System.Text.Json;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;
using Orleans.Fin.TestSupport;
using Orleans.Runtime;
using static Orleans.Fin.PostgresTests.Storage.StorageHarness;

namespace Orleans.Fin.PostgresTests;

/// <summary>
/// A customer with long risk windows on the Postgres profile, through HTTP, the grain and the group-commit provider: its
/// risk state is stored in two rows, a small one it rewrites with every change and the cold part of its windows beside
/// it; a cold part replaced is deleted; and across node restarts every decision is kept.
/// </summary>
public sealed class RiskWindowPartsTests
{
    private const int History = 60;

    [Fact]
    public async Task Payments_CustomerWithLongWindows_StoredInPartsAndWholeAcrossRestarts()
    {
        var clusterId = "parts-" + Guid.NewGuid().ToString("N")[..8];
        string customer, token, from, to;
        await using (var node = PostgresDatabase.Node(clusterId))
        {
            var api = node.Api();
            (customer, token) = await api.NewCustomerAsync();
            from = await api.OpenAccountAsync(token, customer);
            to = await api.OpenAccountAsync(token, customer);
            await api.DepositAsync(token, from, 10_000m);
        }

        // Stored in parts already, against a cold part that also holds digests the windows no longer do: the first write
        // writes a new part and deletes this one.
        var grain = GrainId.Create("risk", customer);
        var busy = BusyRiskState.Build(DateTimeOffset.UtcNow.AddHours(-20)); // long enough ago that no burst rule counts it
        busy.AuditCount = busy.Audit.Count;
        var old = RiskWindows.Take(BusyRiskState.WithDigestsGone(busy, WindowPartsPolicy.MaxStale + 8));
        await using (var storage = GroupCommit(clusterId))
        {
            await storage.WriteStateAsync(RiskWindowsState.StateName(old.Id), grain, new GrainState<RiskWindowsState>(old.ToStored()));
            var seeded = new GrainState<RiskState>();
            await storage.ReadStateAsync("risk", grain, seeded); // the ETag, when the grain wrote before the node stopped
            seeded.State = old.Written(busy).Stored;
            await storage.WriteStateAsync("risk", grain, seeded);
        }

        List<string> paid = [];
        await using (var node = PostgresDatabase.Node(clusterId))
        {
            var api = node.Api();
            paid.Add(await PayAsync(api, token, from, to, "parts-1"));
            paid.Add(await PayAsync(api, token, from, to, "parts-2"));
        }

        await using (var node = PostgresDatabase.Node(clusterId))
        {
            paid.Add(await PayAsync(node.Api(), token, from, to, "parts-3"));
        }

        await using var reader = GroupCommit(clusterId);
        var state = new GrainState<RiskState>();
        await reader.ReadStateAsync("risk", grain, state);
        var stored = Assert.IsType<RiskState>(state.State);
        var parts = Assert.IsType<RiskWindowParts>(stored.Parts);
        Assert.NotEqual(old.Id, parts.Id);
        var head = await RowBytesAsync(clusterId, customer, "risk");
        var cold = await RowBytesAsync(clusterId, customer, RiskWindowsState.StateName(parts.Id));
        Assert.True(head < cold, $"the state is {head} bytes beside a cold part of {cold}");
        Assert.Equal(1L, await PostgresDatabase.ScalarAsync<long>(
            "SELECT count(*) FROM OrleansStorage WHERE ServiceId = @s AND GrainTypeString LIKE 'riskWindows-%'", ("s", clusterId)));

        var part = new GrainState<RiskWindowsState>();
        await reader.ReadStateAsync(RiskWindowsState.StateName(parts.Id), grain, part);
        RiskWindows.Read(Assert.IsType<RiskWindowsState>(part.State)).Join(stored);
        Assert.Equal(History + paid.Count, stored.Decisions.Count);
        Assert.Equal(paid, stored.Decisions.Skip(History).Select(d => d.MovementId));
    }

    private static async Task<string> PayAsync(FinApiClient api, string token, string from, string to, string key)
    {
        var response = await api.PayAsync(token, from, to, 12m, key: key);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>The stored payload's bytes of one of the customer's risk rows (JSON, before PostgreSQL compresses it).</summary>
    private static Task<int> RowBytesAsync(string serviceId, string customer, string stateName) =>
        PostgresDatabase.ScalarAsync<int>(
            "SELECT octet_length(PayloadBinary) FROM OrleansStorage WHERE ServiceId = @s AND GrainTypeString = @t AND GrainIdExtensionString = @c",
            ("s", serviceId), ("t", stateName), ("c", customer));
}
