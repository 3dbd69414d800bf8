namespace Orleans.Fin.Common;

/// <summary>ISO 4217 currencies the platform holds accounts in; all have two minor digits.</summary>
public static class Currencies
{
    public static readonly IReadOnlyList<string> Supported = ["CNY", "USD", "EUR", "HKD"];

    public static bool IsSupported(string? code) => code is not null && Supported.Contains(code, StringComparer.Ordinal);
}
