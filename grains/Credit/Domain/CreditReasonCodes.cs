namespace Orleans.Fin.Credit.Domain;

/// <summary>
/// Stable reason codes: each names the feature (or group of features) whose value pushed this applicant's PD up
/// (score down) compared with the average applicant. Several model features share a code (for example Assets and
/// ln(1 + Assets)); their contributions are summed.
/// </summary>
public static class CreditReasonCodes
{
    public const string ShortEmployment = "SHORT_EMPLOYMENT";
    public const string HousingStatus = "HOUSING_STATUS";
    public const string LongTerm = "LONG_TERM";
    public const string ApplicantAge = "APPLICANT_AGE";
    public const string MaritalStatus = "MARITAL_STATUS";
    public const string PastDefaultRecords = "PAST_DEFAULT_RECORDS";
    public const string EmploymentType = "EMPLOYMENT_TYPE";
    public const string HighExpenses = "HIGH_EXPENSES";
    public const string LowIncome = "LOW_INCOME";
    public const string IncomeNotDeclared = "INCOME_NOT_DECLARED";
    public const string LowAssets = "LOW_ASSETS";
    public const string AssetsNotDeclared = "ASSETS_NOT_DECLARED";
    public const string HighDebt = "HIGH_DEBT";
    public const string DebtNotDeclared = "DEBT_NOT_DECLARED";
    public const string LargeAmount = "LARGE_AMOUNT";
    public const string GoodsPrice = "GOODS_PRICE";
    public const string HighLoanToPrice = "HIGH_LOAN_TO_PRICE";
    public const string LowIncomeMargin = "LOW_INCOME_MARGIN";
    public const string HighPaymentToIncome = "HIGH_PAYMENT_TO_INCOME";
    public const string HighDebtToAssets = "HIGH_DEBT_TO_ASSETS";

    private static readonly Dictionary<string, string> ByFeature = new(StringComparer.Ordinal)
    {
        [nameof(CreditApplicationFeatures.Seniority)] = ShortEmployment,
        [nameof(CreditApplicationFeatures.Home)] = HousingStatus,
        [nameof(CreditApplicationFeatures.Time)] = LongTerm,
        [nameof(CreditApplicationFeatures.Age)] = ApplicantAge,
        [nameof(CreditApplicationFeatures.Marital)] = MaritalStatus,
        [nameof(CreditApplicationFeatures.Records)] = PastDefaultRecords,
        [nameof(CreditApplicationFeatures.Job)] = EmploymentType,
        [nameof(CreditApplicationFeatures.Expenses)] = HighExpenses,
        [nameof(CreditApplicationFeatures.Income)] = LowIncome,
        [nameof(CreditApplicationFeatures.IncomeMissing)] = IncomeNotDeclared,
        [nameof(CreditApplicationFeatures.Assets)] = LowAssets,
        [nameof(CreditApplicationFeatures.LogAssets)] = LowAssets,
        [nameof(CreditApplicationFeatures.AssetsMissing)] = AssetsNotDeclared,
        [nameof(CreditApplicationFeatures.Debt)] = HighDebt,
        [nameof(CreditApplicationFeatures.LogDebt)] = HighDebt,
        [nameof(CreditApplicationFeatures.DebtMissing)] = DebtNotDeclared,
        [nameof(CreditApplicationFeatures.Amount)] = LargeAmount,
        [nameof(CreditApplicationFeatures.Price)] = GoodsPrice,
        [nameof(CreditApplicationFeatures.LoanToPrice)] = HighLoanToPrice,
        [nameof(CreditApplicationFeatures.IncomeMarginToAmount)] = LowIncomeMargin,
        [nameof(CreditApplicationFeatures.InstalmentToIncome)] = HighPaymentToIncome,
        [nameof(CreditApplicationFeatures.DebtToAssets)] = HighDebtToAssets,
    };

    /// <summary>
    /// The code of a feature-vector slot, named as ML.NET names it: the column ("Income") or, for a one-hot slot,
    /// the column and the category ("Home.rent").
    /// </summary>
    public static string ForSlot(string slotName)
    {
        ArgumentNullException.ThrowIfNull(slotName);
        var dot = slotName.IndexOf('.', StringComparison.Ordinal);
        var column = dot < 0 ? slotName : slotName[..dot];
        return ByFeature.TryGetValue(column, out var code)
            ? code
            : throw new ArgumentException($"No reason code for the feature '{slotName}'.", nameof(slotName));
    }

    /// <summary>
    /// Protected attributes: the model may use them (the data has them) but they are never given as the reason for an
    /// adverse decision (fair lending); <see cref="Top"/> leaves them out.
    /// </summary>
    public static IReadOnlySet<string> Protected { get; } = new HashSet<string>(StringComparer.Ordinal) { ApplicantAge, MaritalStatus };

    /// <summary>
    /// The codes with the largest positive contributions (pushing the PD up), largest first, at most
    /// <paramref name="count"/>; contributions of slots sharing a code are summed; <see cref="Protected"/> codes never appear.
    /// </summary>
    public static IReadOnlyList<string> Top(IReadOnlyList<string> slotCodes, ReadOnlySpan<float> contributions, int count)
    {
        ArgumentNullException.ThrowIfNull(slotCodes);
        if (slotCodes.Count != contributions.Length)
        {
            throw new ArgumentException("One contribution per slot is needed.", nameof(contributions));
        }

        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < contributions.Length; i++)
        {
            totals[slotCodes[i]] = totals.GetValueOrDefault(slotCodes[i]) + contributions[i];
        }

        return totals.Where(t => t.Value > 0 && !Protected.Contains(t.Key))
            .OrderByDescending(t => t.Value)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(t => t.Key)
            .ToArray();
    }
}
