using Orleans.Fin.Credit.Domain;
using Orleans.Fin.Credit.Model;

namespace Orleans.Fin.UnitTests.Credit;

/// <summary>Applications and data for the credit tests.</summary>
internal static class CreditSamples
{
    public const string Header = "\"Status\",\"Seniority\",\"Home\",\"Time\",\"Age\",\"Marital\",\"Records\",\"Job\",\"Expenses\",\"Income\",\"Assets\",\"Debt\",\"Amount\",\"Price\"";

    private static readonly Lazy<CreditCleaningResult> Embedded = new(EmbeddedCreditData.LoadClean);

    private static readonly Lazy<CreditModelSet> Shipped = new(CreditModelStore.LoadEmbedded);

    /// <summary>The embedded data, cleaned (parsed once per test run).</summary>
    public static CreditCleaningResult Data => Embedded.Value;

    /// <summary>The models shipped in the grains assembly (loaded once per test run).</summary>
    public static CreditModelSet Models => Shipped.Value;

    /// <summary>A steady applicant: ten years in a fixed job, owner, married, no past records, modest loan.</summary>
    public static CreditApplication Steady() => new(
        Seniority: 10,
        Home: "owner",
        TermMonths: 36,
        Age: 40,
        MaritalStatus: "married",
        Records: false,
        Job: "fixed",
        Expenses: 60m,
        Income: 180m,
        Assets: 5000m,
        Debt: 0m,
        Amount: 800m,
        Price: 1300m);

    public static CsvTable Parse(params string[] rows) => CreditCsv.Parse(string.Join("\n", [Header, .. rows]));
}
