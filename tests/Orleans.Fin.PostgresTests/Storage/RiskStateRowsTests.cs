using Orleans.Fin.Common;
using Orleans.Fin.Risk;
using Orleans.Fin.TestSupport;
using Orleans.Runtime;
using static Orleans.Fin.PostgresTests.Storage.StorageHarness;

namespace Orleans.Fin.PostgresTests.Storage;

/// <summary>
/// A busy customer's risk state through the group-commit provider and PostgreSQL: stored as objects by a node told to
/// write them (a rolling upgrade), read by a node that writes rows, written again as rows, and read back the same.
/// </summary>
public sealed class RiskStateRowsTests
{
    private static readonly StateJsonSerializer Objects = new(rows: false);

    [Fact]
    public async Task WriteState_RiskStateStoredAsObjects_ReadsAndIsRewrittenAsSmallerRowsHoldingTheSameState()
    {
        var service = NewServiceId();
        var grain = GrainId.Create("risk", "cus_" + Guid.NewGuid().ToString("N"));
        var original = BusyRiskState.Build(DateTimeOffset.UtcNow);
        var expected = Objects.Serialize(original).ToString();
        await using (var upgrading = GroupCommit(service, rows: false))
        {
            await upgrading.WriteStateAsync("risk", grain, new GrainState<RiskState>(original));
        }

        var asObjects = await StoredAsync(service);
        await using var node = GroupCommit(service);
        var read = new GrainState<RiskState>();
        await node.ReadStateAsync("risk", grain, read);
        Assert.Equal(expected, Objects.Serialize(read.State!).ToString());

        await node.WriteStateAsync("risk", grain, read);
        var asRows = await StoredAsync(service);
        await using var fresh = GroupCommit(service);
        var back = new GrainState<RiskState>();
        await fresh.ReadStateAsync("risk", grain, back);

        Assert.Contains("\"Payments\":[{", asObjects.Text, StringComparison.Ordinal);
        Assert.Contains("\"Payments\":[[", asRows.Text, StringComparison.Ordinal);
        Assert.Contains("\"Audit\":[[", asRows.Text, StringComparison.Ordinal);
        Assert.True(asRows.Bytes < asObjects.Bytes * 2 / 3, $"rows {asRows.Bytes} B, objects {asObjects.Bytes} B");
        Assert.Equal(expected, Objects.Serialize(back.State!).ToString());
        Assert.Equal(("2", true), (back.ETag, back.RecordExists));
    }

    private static async Task<(int Bytes, string Text)> StoredAsync(string service) =>
        (await PostgresDatabase.ScalarAsync<int>("SELECT length(PayloadBinary) FROM OrleansStorage WHERE ServiceId = @s", ("s", service)),
         await PostgresDatabase.ScalarAsync<string>("SELECT convert_from(PayloadBinary, 'UTF8') FROM OrleansStorage WHERE ServiceId = @s", ("s", service)));
}
