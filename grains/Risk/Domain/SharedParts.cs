namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// Lets the records of a list share the part they have in common (an immutable object of the texts that repeat from one
/// record to the next): records read from storage come with a part each, and equal parts then become one instance.
/// </summary>
public static class SharedParts
{
    /// <summary>Gives each record the first equal part held by a record before it. Returns the same list.</summary>
    public static List<TRecord> Share<TRecord, TPart>(List<TRecord> records, Func<TRecord, TPart> part, Func<TRecord, TPart, TRecord> withPart)
        where TPart : class, IEquatable<TPart>
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(withPart);
        List<TPart> seen = [];
        for (var i = 0; i < records.Count; i++)
        {
            var own = part(records[i]);
            var held = seen.Find(own.Equals);
            if (held is null)
            {
                seen.Add(own);
            }
            else if (!ReferenceEquals(held, own))
            {
                records[i] = withPart(records[i], held);
            }
        }

        return records;
    }

    /// <summary>An equal part held by one of the last <paramref name="lookBack"/> records, or <paramref name="part"/> itself.</summary>
    public static TPart Find<TRecord, TPart>(List<TRecord> records, Func<TRecord, TPart> partOf, TPart part, int lookBack)
        where TPart : class, IEquatable<TPart>
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(partOf);
        ArgumentNullException.ThrowIfNull(part);
        for (var i = records.Count - 1; i >= Math.Max(0, records.Count - lookBack); i--)
        {
            if (partOf(records[i]) is var held && part.Equals(held))
            {
                return held;
            }
        }

        return part;
    }
}
