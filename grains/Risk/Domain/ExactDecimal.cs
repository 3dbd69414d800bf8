namespace Orleans.Fin.Risk.Domain;

/// <summary>Whether two decimals are the same value written the same way (10.5 and 10.50 are equal, not the same).</summary>
public static class ExactDecimal
{
    public static bool Same(decimal a, decimal b)
    {
        Span<int> first = stackalloc int[4];
        Span<int> second = stackalloc int[4];
        decimal.GetBits(a, first);
        decimal.GetBits(b, second);
        return first.SequenceEqual(second);
    }
}
