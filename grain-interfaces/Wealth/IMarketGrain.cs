namespace Orleans.Fin.Wealth;

/// <summary>
/// The fund catalogue and its NAVs on the business clock. The market is a deterministic simulation (a seed and an
/// inception date from configuration), so every silo prices the same; this is a stateless worker that answers locally.
/// </summary>
[Alias("fin.IMarketGrain")]
public interface IMarketGrain : IGrainWithIntegerKey
{
    [Alias("GetProducts")]
    Task<IReadOnlyList<ProductView>> GetProducts();

    /// <summary>A product's NAVs over the last <paramref name="days"/> trading days, oldest first; null for an unknown product.</summary>
    [Alias("GetNavHistory")]
    Task<IReadOnlyList<NavPoint>?> GetNavHistory(string productId, int days);
}
