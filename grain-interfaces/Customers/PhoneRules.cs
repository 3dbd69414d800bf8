using System.Text.RegularExpressions;

namespace Orleans.Fin.Customers;

/// <summary>Mainland China mobile numbers: 11 digits starting 13–19.</summary>
public static partial class PhoneRules
{
    public static bool IsValid(string? phone) => phone is not null && MobilePattern().IsMatch(phone);

    public static string Mask(string phone) => phone.Length == 11 ? phone[..3] + "****" + phone[7..] : "***";

    [GeneratedRegex(@"^1[3-9][0-9]{9}\z", RegexOptions.CultureInvariant)]
    private static partial Regex MobilePattern();
}
