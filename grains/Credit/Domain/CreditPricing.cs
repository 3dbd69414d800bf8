namespace Orleans.Fin.Credit.Domain;

/// <summary>
/// Risk-based pricing: the nominal annual rate (a fraction: 0.079 = 7.9%) from the PD band. The table is a product
/// decision, cost-plus: about 6% for funding and operations plus a risk premium that rises with the band's
/// expected loss. Band E sits above the default approval cut-off (PD 0.30): it prices loans an operator approves
/// against the model's recommendation.
/// <code>
/// band  PD            annual rate
/// A     [0, 0.05)     7.9%
/// B     [0.05, 0.10)  9.9%
/// C     [0.10, 0.20)  13.9%
/// D     [0.20, 0.30)  18.9%
/// E     [0.30, 1]     23.9%
/// </code>
/// </summary>
public static class CreditPricing
{
    public static readonly IReadOnlyList<CreditPriceBand> Bands =
    [
        new("A", 0.05, 0.079m),
        new("B", 0.10, 0.099m),
        new("C", 0.20, 0.139m),
        new("D", 0.30, 0.189m),
        new("E", double.PositiveInfinity, 0.239m),
    ];

    public static CreditPriceBand BandFor(double probabilityOfDefault)
    {
        if (double.IsNaN(probabilityOfDefault) || probabilityOfDefault is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(probabilityOfDefault), probabilityOfDefault, "A PD is between 0 and 1.");
        }

        return Bands.First(b => probabilityOfDefault < b.PdBelow);
    }

    public static decimal AnnualRate(double probabilityOfDefault) => BandFor(probabilityOfDefault).AnnualRate;
}
