using System.Security.Cryptography;
using Orleans.Fin.Credit.Domain;

namespace Orleans.Fin.Credit.Model;

/// <summary>
/// The project's own copy of the credit applications (grains/Credit/Data/credit_applications.csv, 3,340 rows),
/// embedded in the assembly so neither the host nor the tests read files at run time.
/// </summary>
public static class EmbeddedCreditData
{
    public const string ResourceName = "Orleans.Fin.Credit.Data.credit_applications.csv";

    public static CsvTable Load()
    {
        using var reader = new StreamReader(Open());
        return CreditCsv.Parse(reader);
    }

    /// <summary>The SHA-256 of the embedded file (lower-case hex), recorded with the models trained on it.</summary>
    public static string Sha256()
    {
        using var stream = Open();
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static CreditCleaningResult LoadClean() => CreditDataCleaning.Clean(Load());

    private static Stream Open() =>
        typeof(EmbeddedCreditData).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
}
