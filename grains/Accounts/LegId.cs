namespace Orleans.Fin.Accounts;

/// <summary>
/// A transfer id made ready to be looked up in many batches of <see cref="LegIds"/>: a platform id in its canonical
/// spelling is packed once, not once a batch, by the same rule that packs the batches' ids.
/// </summary>
public readonly struct LegId
{
    public LegId(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        if (LegIds.TryPackPlatformId(text, out var tag, out var bits))
        {
            (Tag, Bits) = (tag, bits);
        }
    }

    public string Text { get; }

    /// <summary>The tag <see cref="Text"/> is packed under when it is a canonical platform id; 0 when it is held as text.</summary>
    internal byte Tag { get; }

    internal UInt128 Bits { get; }
}
