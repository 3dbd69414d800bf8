namespace Orleans.Fin.Silo.Hosting;

/// <summary>Which provider keeps grain state on the Postgres profile (setting Cluster:Storage).</summary>
public enum GrainStorageKind
{
    /// <summary>Concurrent writes share one round trip and one commit (Orleans.Fin.Silo.Storage.GroupCommitGrainStorage).</summary>
    GroupCommit = 0,

    /// <summary>The Orleans ADO.NET provider: one round trip and one commit per write.</summary>
    AdoNet = 1,
}
