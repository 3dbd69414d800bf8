using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Orleans.Fin.Silo.Storage;

public static class GroupCommitStorageExtensions
{
    /// <summary>Adds a named grain storage on PostgreSQL that group-commits concurrent writes (see <see cref="GroupCommitGrainStorage"/>).</summary>
    public static ISiloBuilder AddGroupCommitGrainStorage(this ISiloBuilder silo, string name, GroupCommitStorageOptions options,
        IGrainStorageSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("The group-commit grain storage needs a connection string.", nameof(options));
        }

        silo.Services.AddGrainStorage(name, (services, key) => new GroupCommitGrainStorage(
            key,
            services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            options,
            serializer,
            services.GetRequiredService<IActivatorProvider>(),
            services.GetRequiredService<ILogger<GroupCommitGrainStorage>>()));
        return silo;
    }
}
