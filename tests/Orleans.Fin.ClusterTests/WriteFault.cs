namespace Orleans.Fin.ClusterTests;

/// <summary>How an injected storage fault fails a write.</summary>
public enum WriteFault
{
    None = 0,

    /// <summary>The write never reaches storage.</summary>
    BeforeCommit = 1,

    /// <summary>The write commits but the grain is told it failed.</summary>
    AfterCommit = 2,

    /// <summary>
    /// The write commits but its answer never comes back: the grain is told it failed and keeps the ETag it had, as with
    /// a provider that lost the connection before reading the new one (<see cref="AfterCommit"/> leaves the new ETag).
    /// </summary>
    AnswerLost = 3,

    /// <summary>
    /// The write is sent but stored only later: the grain is told it failed, a read still finds the state as it was, and the
    /// write is stored just before the grain's next write of that state (a commit that lands after the connection broke).
    /// </summary>
    LandsLate = 4,
}
