namespace Orleans.Fin.Credit.Domain;

/// <summary>
/// The values that stand in for a missing income, assets or debt: the medians of the training records (of the
/// training fold during cross-validation, so a validation fold never informs its own imputation). The model also
/// sees a missing-indicator feature for each, so it can learn what "not declared" means on its own.
/// </summary>
public sealed record CreditImputation(decimal IncomeMedian, decimal AssetsMedian, decimal DebtMedian)
{
    public static CreditImputation Fit(IEnumerable<CreditApplication> applications)
    {
        ArgumentNullException.ThrowIfNull(applications);
        var list = applications as IReadOnlyCollection<CreditApplication> ?? applications.ToList();
        return new CreditImputation(
            Median(list.Select(a => a.Income)),
            Median(list.Select(a => a.Assets)),
            Median(list.Select(a => a.Debt)));
    }

    public static decimal Median(IEnumerable<decimal?> values)
    {
        var present = values.Where(v => v.HasValue).Select(v => v!.Value).Order().ToList();
        if (present.Count == 0)
        {
            return 0m;
        }

        var middle = present.Count / 2;
        return present.Count % 2 == 1 ? present[middle] : (present[middle - 1] + present[middle]) / 2m;
    }
}
