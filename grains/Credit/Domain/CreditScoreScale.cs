namespace Orleans.Fin.Credit.Domain;

/// <summary>
/// The credit score on a points-to-double-odds scale. With odds = good:bad = (1 − PD) / PD,
/// <c>score = offset + factor · ln(odds)</c>, <c>factor = pdo / ln 2</c>, <c>offset = baseScore − factor ·
/// ln(baseOdds)</c>. By default 600 points at odds of 50:1 (PD = 1/51) and every 20 points double the odds
/// (factor ≈ 28.854, offset ≈ 487.12); the score is rounded and clamped to 300..850. A higher PD always gives a
/// lower (or, at the clamps, equal) score.
/// </summary>
public sealed record CreditScoreScale(double BaseScore, double BaseOdds, double PointsToDoubleOdds, int MinScore, int MaxScore)
{
    /// <summary>600 points at 50:1, 20 points to double the odds, 300..850.</summary>
    public static readonly CreditScoreScale Default = new(600, 50, 20, 300, 850);

    /// <summary>PDs are held this far from 0 and 1 so the odds stay finite.</summary>
    public const double PdFloor = 1e-9;

    public double Factor => PointsToDoubleOdds / Math.Log(2);

    public double Offset => BaseScore - Factor * Math.Log(BaseOdds);

    /// <summary>The unrounded, unclamped score of a PD.</summary>
    public double RawScore(double probabilityOfDefault)
    {
        var pd = Math.Clamp(probabilityOfDefault, PdFloor, 1 - PdFloor);
        return Offset + Factor * Math.Log((1 - pd) / pd);
    }

    /// <summary>The score of a PD: rounded to a whole point and clamped to the scale's range.</summary>
    public int Score(double probabilityOfDefault)
    {
        if (double.IsNaN(probabilityOfDefault) || probabilityOfDefault is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(probabilityOfDefault), probabilityOfDefault, "A PD is between 0 and 1.");
        }

        return (int)Math.Clamp(Math.Round(RawScore(probabilityOfDefault), MidpointRounding.AwayFromZero), MinScore, MaxScore);
    }

    /// <summary>The PD at which the scale gives <paramref name="score"/> (the inverse of <see cref="RawScore"/>).</summary>
    public double ProbabilityOfDefault(double score) => 1 / (1 + Math.Exp((score - Offset) / Factor));
}
