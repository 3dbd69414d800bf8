using System.Globalization;

namespace Orleans.Fin.Customers;

/// <summary>
/// A checked PRC resident identity number (GB 11643). <see cref="RegionCode"/> is for checks on the request only;
/// what may be kept is <see cref="Province"/>, <see cref="BirthDate"/> and <see cref="Masked"/>, which together leave
/// millions of candidates.
/// </summary>
public sealed record ResidentIdentity(string RegionCode, DateOnly BirthDate, string Masked)
{
    /// <summary>The province (first two digits of the region code).</summary>
    public string Province => RegionCode[..2];
}

/// <summary>
/// Validates 18-character PRC resident identity numbers: a 6-digit administrative region, a real birth date
/// (yyyyMMdd) and the ISO 7064 MOD 11-2 check character over the first 17 digits.
/// </summary>
public static class ResidentIdentityRules
{
    public const int MinimumAge = 18;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    // Province-level codes (first two digits) of the administrative division code table.
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    ];

    /// <summary>Validates <paramref name="idNumber"/> as of <paramref name="today"/>; returns the identity or an error message.</summary>
    public static (ResidentIdentity? Identity, string? Error) Validate(string? idNumber, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(idNumber) || idNumber.Length != 18)
        {
            return (null, "idNumber must be an 18-character resident identity number.");
        }

        var id = idNumber.ToUpperInvariant();
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                return (null, "idNumber must have 17 digits followed by a digit or X.");
            }
        }

        if (!char.IsAsciiDigit(id[17]) && id[17] != 'X')
        {
            return (null, "idNumber must have 17 digits followed by a digit or X.");
        }

        var region = id[..6];
        if (!Provinces.Contains(region[..2]) || region[2..] == "0000")
        {
            return (null, "idNumber has an unknown region code.");
        }

        if (!DateOnly.TryParseExact(id[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900 || birth > today)
        {
            return (null, "idNumber has an invalid birth date.");
        }

        if (CheckCharacter(id) != id[17])
        {
            return (null, "idNumber has a wrong check character.");
        }

        if (AgeOn(birth, today) < MinimumAge)
        {
            return (null, $"the holder must be at least {MinimumAge} years old.");
        }

        return (new ResidentIdentity(region, birth, Mask(id)), null);
    }

    /// <summary>The ISO 7064 MOD 11-2 check character of the first 17 digits.</summary>
    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    public static int AgeOn(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        return birth.AddYears(age) > day ? age - 1 : age;
    }

    /// <summary>
    /// Keeps the first and the last character only: with the birth date the product keeps anyway, a wider mask (the
    /// region digits, the sequence digits) would rebuild the whole number.
    /// </summary>
    public static string Mask(string idNumber) => idNumber[..1] + new string('*', 16) + idNumber[17..];

    /// <summary>Narrows a mask of the older, wider form (first four, ten stars, last four) to <see cref="Mask"/>.</summary>
    public static string Remask(string masked) =>
        masked is { Length: 18 } ? Mask(masked) : new string('*', 18);
}
