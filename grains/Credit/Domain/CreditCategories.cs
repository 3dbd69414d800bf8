namespace Orleans.Fin.Credit.Domain;

/// <summary>
/// The categories of the training data. A missing or unrecognised value becomes <see cref="Unknown"/>, its own
/// category, so an application with an unknown home, marital status or job is still scored.
/// </summary>
public static class CreditCategories
{
    public const string Unknown = "unknown";

    public static readonly IReadOnlyList<string> Home = ["rent", "owner", "parents", "priv", "other", "ignore"];

    public static readonly IReadOnlyList<string> MaritalStatus = ["married", "single", "separated", "widow", "divorced"];

    public static readonly IReadOnlyList<string> Job = ["fixed", "freelance", "partime", "others"];

    public static string NormaliseHome(string? value) => Normalise(value, Home);

    public static string NormaliseMaritalStatus(string? value) => Normalise(value, MaritalStatus);

    public static string NormaliseJob(string? value) => Normalise(value, Job);

    /// <summary>True when the value is one of the known categories (case and surrounding blanks ignored).</summary>
    public static bool IsKnown(string? value, IReadOnlyList<string> categories) =>
        value is not null && categories.Contains(value.Trim().ToLowerInvariant());

    private static string Normalise(string? value, IReadOnlyList<string> categories) =>
        IsKnown(value, categories) ? value!.Trim().ToLowerInvariant() : Unknown;
}
