using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;
using static Orleans.Fin.PostgresTests.Storage.StorageHarness;

namespace Orleans.Fin.PostgresTests.Storage;

/// <summary>The group-commit provider and the Orleans ADO.NET provider address, version and encode rows the same way.</summary>
public sealed class StorageCompatibilityTests
{
    public static TheoryData<string> KeyKinds => ["guid", "guid+extension", "integer", "integer+extension", "string"];

    [Theory]
    [MemberData(nameof(KeyKinds))]
    public async Task ReadWrite_AcrossProviders_SeeTheSameRowAndVersion(string kind)
    {
        var service = NewServiceId();
        var adoNet = await AdoNetAsync(service);
        await using var groupCommit = GroupCommit(service);
        var grain = Grain(kind);

        var first = State(1);
        await adoNet.WriteStateAsync(StateName, grain, first);
        var seen = await ReadAsync(groupCommit, grain);
        Assert.Equal((1, 1.01m, "n1", "1", true), (seen.State!.Count, seen.State.Amount, seen.State.Note, seen.ETag, seen.RecordExists));

        seen.State.Count = 2;
        await groupCommit.WriteStateAsync(StateName, grain, seen);
        var back = await ReadAsync(adoNet, grain);
        Assert.Equal((2, "2"), (back.State!.Count, back.ETag));

        await Assert.ThrowsAsync<InconsistentStateException>(() => groupCommit.WriteStateAsync(StateName, grain, first));
        Assert.Equal(1L, await PostgresDatabase.ScalarAsync<long>("SELECT count(*) FROM OrleansStorage WHERE ServiceId = @s", ("s", service)));
    }

    [Theory]
    [MemberData(nameof(KeyKinds))]
    public async Task WriteState_SameGrain_StoresTheSameIdentifyingColumnsAsAdoNet(string kind)
    {
        var adoService = NewServiceId();
        var groupService = NewServiceId();
        var adoNet = await AdoNetAsync(adoService);
        await using var groupCommit = GroupCommit(groupService);
        var grain = Grain(kind);

        await adoNet.WriteStateAsync(StateName, grain, State(3));
        await groupCommit.WriteStateAsync(StateName, grain, State(3));

        var rows = await IdentifyingColumnsAsync(adoService, groupService);
        Assert.Equal(2, rows.Count);
        Assert.Equal(rows[adoService], rows[groupService]);
    }

    private static GrainId Grain(string kind)
    {
        var type = GrainType.Create("probe");
        var guid = Guid.NewGuid();
        var number = Random.Shared.NextInt64(long.MinValue, long.MaxValue);
        return kind switch
        {
            "guid" => GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid)),
            "guid+extension" => GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid, "ext-é")),
            "integer" => GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(number)),
            "integer+extension" => GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(number, "ext-ß")),
            _ => GrainId.Create("probe", "customer/" + guid.ToString("N")),
        };
    }

    private static async Task<Dictionary<string, string>> IdentifyingColumnsAsync(params string[] services)
    {
        await using var connection = new NpgsqlConnection(PostgresDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT ServiceId, concat_ws('|', GrainTypeString, GrainIdN0, GrainIdN1, coalesce(GrainIdExtensionString, '<null>'),
                   GrainTypeHash, GrainIdHash, Version, encode(PayloadBinary, 'escape'))
              FROM OrleansStorage WHERE ServiceId = ANY(@s)
            """, connection);
        command.Parameters.AddWithValue("s", services);
        var rows = new Dictionary<string, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = reader.GetString(1);
        }

        return rows;
    }
}
