namespace Orleans.Fin.Credit.Domain;

/// <summary>
/// The model's input row, built only by <see cref="CreditFeatures.Build"/> for training and for decisions alike.
/// The columns of the data in their own units (amounts in the source's currency units, <c>Time</c> = term in
/// months) after imputation, the missing indicators and a few derived ratios. <see cref="Label"/> is true for a
/// default (Status "bad") and false when unknown (at decision time).
/// </summary>
public sealed class CreditApplicationFeatures
{
    public float Seniority { get; init; }

    public string Home { get; init; } = CreditCategories.Unknown;

    public float Time { get; init; }

    public float Age { get; init; }

    public string Marital { get; init; } = CreditCategories.Unknown;

    /// <summary>1 when the applicant has past default records.</summary>
    public float Records { get; init; }

    public string Job { get; init; } = CreditCategories.Unknown;

    public float Expenses { get; init; }

    public float Income { get; init; }

    public float Assets { get; init; }

    public float Debt { get; init; }

    public float Amount { get; init; }

    public float Price { get; init; }

    /// <summary>1 when the income was not declared (the median stands in).</summary>
    public float IncomeMissing { get; init; }

    /// <summary>1 when the assets were not declared (the median stands in).</summary>
    public float AssetsMissing { get; init; }

    /// <summary>1 when the debt was not declared (the median stands in).</summary>
    public float DebtMissing { get; init; }

    /// <summary>Amount / Price: the share of the goods financed.</summary>
    public float LoanToPrice { get; init; }

    /// <summary>(Income − Expenses) / Amount: the monthly margin against the amount requested.</summary>
    public float IncomeMarginToAmount { get; init; }

    /// <summary>Monthly instalment (Amount / Time) / Income: the payment burden, capped (the cap when income is 0).</summary>
    public float InstalmentToIncome { get; init; }

    /// <summary>Debt / Assets, capped; debt with no assets counts as the cap.</summary>
    public float DebtToAssets { get; init; }

    /// <summary>ln(1 + Assets): assets span five orders of magnitude.</summary>
    public float LogAssets { get; init; }

    /// <summary>ln(1 + Debt).</summary>
    public float LogDebt { get; init; }

    /// <summary>True for a default; the training label.</summary>
    public bool Label { get; init; }
}
