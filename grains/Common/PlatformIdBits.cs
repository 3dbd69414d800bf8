namespace Orleans.Fin.Common;

/// <summary>
/// A platform id (<see cref="FinIds"/>: a known prefix, '_' and 26 Crockford base-32 digits, 128 bits) as a prefix code
/// and its 128 bits, for state that holds many ids: 17 bytes where the 30-character string takes 88 on the heap. Only
/// the canonical spelling packs (a prefix of <see cref="IdPrefixes"/>, upper-case digits of the alphabet without
/// separators, a first digit under 8, which is what <see cref="FinIds"/> writes). In that spelling each character stands
/// for one value and each value has one character, so text to bits to text is the identity, and two texts have the same
/// code and bits exactly when they are equal: held as bits, an id is still compared exactly, never by a digest.
/// </summary>
public static class PlatformIdBits
{
    /// <summary>How many prefix codes there are (0 to <see cref="PrefixCount"/> − 1).</summary>
    public static int PrefixCount => Prefixes.Length;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Digits = 26;
    private const int BitsPerDigit = 5;

    // The order gives the codes; it is never stored, so a prefix may be added at the end.
    private static readonly string[] Prefixes =
    [
        IdPrefixes.Payment, IdPrefixes.Deposit, IdPrefixes.Withdrawal, IdPrefixes.LoanRepayment, IdPrefixes.FundSubscription,
        IdPrefixes.FundRedemption, IdPrefixes.Account, IdPrefixes.Customer, IdPrefixes.RiskCase, IdPrefixes.RiskAlert,
        IdPrefixes.Loan, IdPrefixes.Portfolio, IdPrefixes.SystemAccount,
    ];

    // The value of each ASCII character as a digit, −1 for a character that is not one.
    private static readonly sbyte[] DigitValue =
        [.. Enumerable.Range(0, 128).Select(c => (sbyte)Alphabet.IndexOf((char)c, StringComparison.Ordinal))];

    /// <summary>The longest text a packed id formats to.</summary>
    public static readonly int MaxTextLength = Prefixes.Max(p => p.Length) + 1 + Digits;

    /// <summary>
    /// The prefix code and bits of <paramref name="text"/> when it is a platform id in its canonical spelling; false for
    /// any other text, which then has to be held as it is.
    /// </summary>
    public static bool TryPack(ReadOnlySpan<char> text, out byte prefix, out UInt128 bits)
    {
        prefix = 0;
        bits = 0;
        var underscore = text.Length - Digits - 1;
        if (underscore <= 0 || text[underscore] != '_' || CodeOf(text[..underscore]) is not { } code
            || !TryDecodeDigits(text[(underscore + 1)..], out var value))
        {
            return false;
        }

        // The prefix matched exactly and every digit is the alphabet's one character for its value: formatting the code
        // and bits gives back exactly this text, so no second check of it is made (the tests format every packed id back).
        (prefix, bits) = (code, value);
        return true;
    }

    /// <summary>
    /// The 128 bits of the 26 digits of a platform id after its '_', when they are in the canonical spelling (digits of the
    /// alphabet in upper case, a first digit under 8, since 26 digits carry 130 bits).
    /// </summary>
    private static bool TryDecodeDigits(ReadOnlySpan<char> digits, out UInt128 bits)
    {
        bits = 0;
        if (digits.Length != Digits)
        {
            return false;
        }

        UInt128 value = 0;
        foreach (var c in digits)
        {
            var digit = c < DigitValue.Length ? DigitValue[c] : -1;
            if (digit < 0)
            {
                return false;
            }

            value = (value << BitsPerDigit) | (uint)digit;
        }

        bits = value;
        return DigitValue[digits[0]] < 8;
    }

    /// <summary>Writes the 26 digits of <paramref name="bits"/> to the start of <paramref name="destination"/>.</summary>
    private static void FormatDigits(UInt128 bits, Span<char> destination)
    {
        for (var i = Digits - 1; i >= 0; i--)
        {
            destination[i] = Alphabet[(int)(bits & 31)];
            bits >>= BitsPerDigit;
        }
    }

    /// <summary>Writes the id of <paramref name="prefix"/> and <paramref name="bits"/> to <paramref name="destination"/>; returns its length.</summary>
    public static int Format(byte prefix, UInt128 bits, Span<char> destination)
    {
        var text = Prefixes[prefix];
        text.AsSpan().CopyTo(destination);
        destination[text.Length] = '_';
        FormatDigits(bits, destination[(text.Length + 1)..]);
        return text.Length + 1 + Digits;
    }

    /// <summary>The id of <paramref name="prefix"/> and <paramref name="bits"/> as a string.</summary>
    public static string ToText(byte prefix, UInt128 bits)
    {
        Span<char> chars = stackalloc char[MaxTextLength];
        return new string(chars[..Format(prefix, bits, chars)]);
    }

    private static byte? CodeOf(ReadOnlySpan<char> prefix)
    {
        for (var code = 0; code < Prefixes.Length; code++)
        {
            if (prefix.SequenceEqual(Prefixes[code]))
            {
                return (byte)code;
            }
        }

        return null;
    }
}
