using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Fin.Silo.Hosting;

namespace Orleans.Fin.Api.Tests;

/// <summary>The node sizes its grain-directory cache from Cluster:DirectoryCacheSize, not Orleans' default of a million.</summary>
[Collection(ApiCollection.Name)]
public sealed class DirectoryCacheTests(FinNodeFixture fixture)
{
    [Fact]
    public void Node_DefaultConfiguration_DirectoryCacheIsTheClusterSetting()
    {
        var directory = fixture.Node.Services.GetRequiredService<IOptions<GrainDirectoryOptions>>().Value;

        Assert.Equal(new FinClusterOptions().DirectoryCacheSize, directory.CacheSize);
        Assert.True(directory.CacheSize < GrainDirectoryOptions.DEFAULT_CACHE_SIZE);
    }
}
