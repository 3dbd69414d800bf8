namespace Orleans.Fin.Silo.Storage;

/// <summary>What a pending write does to a grain's row.</summary>
internal enum StateChange
{
    /// <summary>Store a new payload (insert when the grain saw no row, else update the row at the expected version).</summary>
    Write,

    /// <summary>Keep the row, empty its payload.</summary>
    Clear,

    /// <summary>Remove the row.</summary>
    Delete,
}
