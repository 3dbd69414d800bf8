namespace Orleans.Fin.Models;

/// <summary>The models under lifecycle management; each name keys its registry, monitor and training jobs.</summary>
public static class ModelNames
{
    public const string Fraud = "fraud";
    public const string Credit = "credit";

    public static IReadOnlyList<string> All { get; } = [Fraud, Credit];

    public static bool IsKnown(string? name) => name is Fraud or Credit;
}
