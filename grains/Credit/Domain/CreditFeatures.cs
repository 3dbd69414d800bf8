namespace Orleans.Fin.Credit.Domain;

/// <summary>
/// The one function from an application to the model's input, used by training and by every decision, so what the
/// model learned from is exactly what it is asked about.
/// </summary>
public static class CreditFeatures
{
    /// <summary>The cap of the ratios that can explode (<see cref="CreditApplicationFeatures.DebtToAssets"/>, <see cref="CreditApplicationFeatures.InstalmentToIncome"/>).</summary>
    public const float RatioCap = 10f;

    /// <summary>The numeric columns, in the order they enter the feature vector.</summary>
    public static readonly IReadOnlyList<string> NumericColumns =
    [
        nameof(CreditApplicationFeatures.Seniority),
        nameof(CreditApplicationFeatures.Time),
        nameof(CreditApplicationFeatures.Age),
        nameof(CreditApplicationFeatures.Records),
        nameof(CreditApplicationFeatures.Expenses),
        nameof(CreditApplicationFeatures.Income),
        nameof(CreditApplicationFeatures.Assets),
        nameof(CreditApplicationFeatures.Debt),
        nameof(CreditApplicationFeatures.Amount),
        nameof(CreditApplicationFeatures.Price),
        nameof(CreditApplicationFeatures.IncomeMissing),
        nameof(CreditApplicationFeatures.AssetsMissing),
        nameof(CreditApplicationFeatures.DebtMissing),
        nameof(CreditApplicationFeatures.LoanToPrice),
        nameof(CreditApplicationFeatures.IncomeMarginToAmount),
        nameof(CreditApplicationFeatures.InstalmentToIncome),
        nameof(CreditApplicationFeatures.DebtToAssets),
        nameof(CreditApplicationFeatures.LogAssets),
        nameof(CreditApplicationFeatures.LogDebt),
    ];

    /// <summary>The categorical columns, one-hot encoded after the numeric ones.</summary>
    public static readonly IReadOnlyList<string> CategoricalColumns =
    [
        nameof(CreditApplicationFeatures.Home),
        nameof(CreditApplicationFeatures.Marital),
        nameof(CreditApplicationFeatures.Job),
    ];

    public static CreditApplicationFeatures Build(CreditApplication application, CreditImputation imputation, bool defaulted = false)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(imputation);
        var income = application.Income ?? imputation.IncomeMedian;
        var assets = application.Assets ?? imputation.AssetsMedian;
        var debt = application.Debt ?? imputation.DebtMedian;
        var amount = application.Amount;
        var term = Math.Max(application.TermMonths, 1);
        return new CreditApplicationFeatures
        {
            Seniority = application.Seniority,
            Home = CreditCategories.NormaliseHome(application.Home),
            Time = application.TermMonths,
            Age = application.Age,
            Marital = CreditCategories.NormaliseMaritalStatus(application.MaritalStatus),
            Records = application.Records ? 1f : 0f,
            Job = CreditCategories.NormaliseJob(application.Job),
            Expenses = (float)application.Expenses,
            Income = (float)income,
            Assets = (float)assets,
            Debt = (float)debt,
            Amount = (float)amount,
            Price = (float)application.Price,
            IncomeMissing = application.Income is null ? 1f : 0f,
            AssetsMissing = application.Assets is null ? 1f : 0f,
            DebtMissing = application.Debt is null ? 1f : 0f,
            LoanToPrice = application.Price > 0 ? (float)(amount / application.Price) : 1f,
            IncomeMarginToAmount = amount > 0 ? (float)((income - application.Expenses) / amount) : 0f,
            InstalmentToIncome = income > 0 ? (float)Math.Min(amount / term / income, (decimal)RatioCap) : RatioCap,
            DebtToAssets = DebtToAssets(debt, assets),
            LogAssets = (float)Math.Log(1 + (double)Math.Max(assets, 0m)),
            LogDebt = (float)Math.Log(1 + (double)Math.Max(debt, 0m)),
            Label = defaulted,
        };
    }

    /// <summary>Debt / Assets guarded: 0 without debt, the cap for debt without assets, capped otherwise.</summary>
    public static float DebtToAssets(decimal debt, decimal assets)
    {
        if (debt <= 0)
        {
            return 0f;
        }

        return assets <= 0 ? RatioCap : (float)Math.Min(debt / assets, (decimal)RatioCap);
    }
}
