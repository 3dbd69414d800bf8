namespace Orleans.Fin.Credit.Domain;

/// <summary>
/// What cleaning found in the raw data. <see cref="MissingPerColumn"/> counts empty fields;
/// <see cref="OutOfRangePerColumn"/> counts present values that are unparseable or outside the column's range
/// (including the source's 99999999 sentinel codes, also counted in <see cref="SentinelsPerColumn"/>);
/// <see cref="UnknownCategoriesPerColumn"/> counts present categorical values outside the known categories.
/// A record is valid when it survives cleaning (see <see cref="CreditDataCleaning"/>).
/// </summary>
public sealed record CreditDataQualityReport(
    int Rows,
    int ValidRows,
    int CompleteRows,
    int Defaults,
    int MalformedRows,
    IReadOnlyDictionary<string, int> MissingPerColumn,
    IReadOnlyDictionary<string, int> OutOfRangePerColumn,
    IReadOnlyDictionary<string, int> SentinelsPerColumn,
    IReadOnlyDictionary<string, int> UnknownCategoriesPerColumn,
    IReadOnlyDictionary<string, int> InvalidReasons)
{
    /// <summary>The share of rows that are valid after cleaning (0..1).</summary>
    public double ValidShare => Rows == 0 ? 0 : (double)ValidRows / Rows;

    /// <summary>The share of rows with every field present and in range before any imputation (0..1).</summary>
    public double CompleteShare => Rows == 0 ? 0 : (double)CompleteRows / Rows;

    /// <summary>The default rate among the valid rows (0..1).</summary>
    public double DefaultRate => ValidRows == 0 ? 0 : (double)Defaults / ValidRows;
}
