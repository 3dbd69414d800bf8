using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Fin.Silo.Hosting;

namespace Orleans.Fin.Api.Tests;

/// <summary>The embedded node sizes its grain-directory cache below Orleans' default of a million (Cluster:DirectoryCacheSize unset).</summary>
[Collection(ApiCollection.Name)]
public sealed class DirectoryCacheTests(FinNodeFixture fixture)
{
    [Fact]
    public void EmbeddedNode_DefaultConfiguration_DirectoryCacheIsTheEmbeddedSize()
    {
        var directory = fixture.Node.Services.GetRequiredService<IOptions<GrainDirectoryOptions>>().Value;

        Assert.Equal(FinClusterOptions.EmbeddedDirectoryCacheSize, directory.CacheSize);
        Assert.True(directory.CacheSize < GrainDirectoryOptions.DEFAULT_CACHE_SIZE);
    }
}
