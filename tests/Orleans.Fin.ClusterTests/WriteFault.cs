namespace Orleans.Fin.ClusterTests;

/// <summary>How an injected storage fault fails a write.</summary>
public enum WriteFault
{
    None = 0,

    /// <summary>The write never reaches storage.</summary>
    BeforeCommit = 1,

    /// <summary>The write commits but the grain is told it failed.</summary>
    AfterCommit = 2,
}
