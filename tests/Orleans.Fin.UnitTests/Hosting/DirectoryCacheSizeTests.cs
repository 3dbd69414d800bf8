using Orleans.Fin.Silo.Hosting;

namespace Orleans.Fin.UnitTests.Hosting;

public sealed class DirectoryCacheSizeTests
{
    [Fact]
    public void DirectoryCacheSizeToUse_EmbeddedUnset_IsTheEmbeddedSize() =>
        Assert.Equal(FinClusterOptions.EmbeddedDirectoryCacheSize, new FinClusterOptions { Profile = ClusterProfile.Embedded }.DirectoryCacheSizeToUse);

    [Fact]
    public void DirectoryCacheSizeToUse_PostgresUnset_LeavesOrleansDefault() =>
        Assert.Null(new FinClusterOptions { Profile = ClusterProfile.Postgres }.DirectoryCacheSizeToUse);

    [Theory]
    [InlineData(ClusterProfile.Embedded)]
    [InlineData(ClusterProfile.Postgres)]
    public void DirectoryCacheSizeToUse_Set_IsTheSetting(ClusterProfile profile) =>
        Assert.Equal(250_000, new FinClusterOptions { Profile = profile, DirectoryCacheSize = 250_000 }.DirectoryCacheSizeToUse);
}
