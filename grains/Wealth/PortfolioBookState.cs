namespace Orleans.Fin.Wealth;

/// <summary>Persisted state of the portfolio book (JSON; new members need defaults).</summary>
public sealed class PortfolioBookState
{
    public int SchemaVersion { get; set; } = 1;
    public HashSet<string> Portfolios { get; set; } = new(StringComparer.Ordinal);
}
