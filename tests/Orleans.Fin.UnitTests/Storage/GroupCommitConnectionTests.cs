using Npgsql;
using Orleans.Fin.Silo.Storage;

namespace Orleans.Fin.UnitTests.Storage;

public sealed class GroupCommitConnectionTests
{
    private const string Server = "Host=127.0.0.1;Port=5432;Username=postgres;Database=orleans_fin";

    [Fact]
    public void PoolConnectionString_Default_PreparesTheProvidersStatements()
    {
        var pool = new NpgsqlConnectionStringBuilder(new GroupCommitStorageOptions { ConnectionString = Server }.PoolConnectionString());

        Assert.Equal(GroupCommitStorageOptions.AutoPreparedStatements, pool.MaxAutoPrepare);
        Assert.Equal("orleans_fin", pool.Database);
        Assert.Equal(5432, pool.Port);
    }

    [Fact]
    public void PoolConnectionString_ConnectionStringSetsItsOwn_KeepsIt()
    {
        var pool = new NpgsqlConnectionStringBuilder(new GroupCommitStorageOptions { ConnectionString = Server + ";Max Auto Prepare=40" }.PoolConnectionString());

        Assert.Equal(40, pool.MaxAutoPrepare);
    }

    [Fact]
    public void PoolConnectionString_PreparationOff_LeavesStatementsUnprepared()
    {
        var pool = new NpgsqlConnectionStringBuilder(new GroupCommitStorageOptions { ConnectionString = Server, PrepareStatements = false }.PoolConnectionString());

        Assert.Equal(0, pool.MaxAutoPrepare);
    }

    [Fact]
    public void PoolConnectionString_ConnectionStringAsksForMultiplexing_TurnsItOff()
    {
        var pool = new NpgsqlConnectionStringBuilder(new GroupCommitStorageOptions { ConnectionString = Server + ";Multiplexing=true" }.PoolConnectionString());

        Assert.False(pool.Multiplexing);
    }
}
