using Orleans.Fin.Credit.Domain;

namespace Orleans.Fin.Credit.Model;

/// <summary>Thrown when training is asked to learn from data with too few valid records after cleaning.</summary>
public sealed class CreditDataQualityException : Exception
{
    public CreditDataQualityException(CreditDataQualityReport report, double minimumValidShare)
        : base($"Only {report.ValidShare:P1} of {report.Rows} credit records are valid after cleaning; training needs at least {minimumValidShare:P0}.")
    {
        Report = report;
        MinimumValidShare = minimumValidShare;
    }

    public CreditDataQualityException()
    {
    }

    public CreditDataQualityException(string message)
        : base(message)
    {
    }

    public CreditDataQualityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CreditDataQualityReport? Report { get; }

    public double MinimumValidShare { get; }
}
