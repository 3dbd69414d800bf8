using Orleans.Fin.Common;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// An identifier as a kept record holds it. A platform id (<see cref="FinIds"/>: a known prefix, '_' and 26 Crockford
/// base-32 characters, 128 bits) is held as its prefix and its bits, 24 bytes inline, where its 30-character string took
/// 88 bytes on the heap besides the reference to it; any other text is held as the string. Reads back as exactly the text
/// it was made from, and two are equal exactly when their texts are (a text is held as bits only in its one canonical
/// spelling: upper case, no separators, a first digit under 8).
/// </summary>
public readonly struct CompactId : IEquatable<CompactId>
{
    private const int Digits = 26;

    private static readonly Prefix[] Prefixes =
    [
        new(IdPrefixes.Payment), new(IdPrefixes.Deposit), new(IdPrefixes.Withdrawal), new(IdPrefixes.LoanRepayment),
        new(IdPrefixes.FundSubscription), new(IdPrefixes.FundRedemption), new(IdPrefixes.Account), new(IdPrefixes.Customer),
        new(IdPrefixes.RiskCase),
    ];

    // The text itself (a string), the prefix of an id held as bits (a Prefix), or null for no id.
    private readonly object? _held;
    private readonly ulong _high;
    private readonly ulong _low;

    private CompactId(object held, ulong high, ulong low)
    {
        _held = held;
        _high = high;
        _low = low;
    }

    /// <summary>The text it was made from; null when it was made from null.</summary>
    public string? Text => _held switch
    {
        Prefix prefix => Compose(prefix.Text, _high, _low),
        string text => text,
        _ => null,
    };

    /// <summary>Whether it is held as bits (a platform id) rather than as a string.</summary>
    public bool IsPacked => _held is Prefix;

    public static CompactId Of(string? text)
    {
        if (text is null)
        {
            return default;
        }

        var underscore = text.IndexOf('_', StringComparison.Ordinal);
        if (underscore > 0 && text.Length - underscore - 1 == Digits && PrefixOf(text.AsSpan(0, underscore)) is { } prefix
            && TryDecode(text.AsSpan(underscore + 1), out var high, out var low))
        {
            return new CompactId(prefix, high, low);
        }

        return new CompactId(text, 0, 0);
    }

    public bool Equals(CompactId other) => _held is string text
        ? other._held is string otherText && string.Equals(text, otherText, StringComparison.Ordinal)
        : ReferenceEquals(_held, other._held) && _high == other._high && _low == other._low;

    public override bool Equals(object? obj) => obj is CompactId other && Equals(other);

    public override int GetHashCode() => _held is string text
        ? string.GetHashCode(text, StringComparison.Ordinal)
        : HashCode.Combine(_held, _high, _low);

    public override string ToString() => Text ?? "";

    public static bool operator ==(CompactId left, CompactId right) => left.Equals(right);

    public static bool operator !=(CompactId left, CompactId right) => !left.Equals(right);

    private static Prefix? PrefixOf(ReadOnlySpan<char> text)
    {
        foreach (var prefix in Prefixes)
        {
            if (text.SequenceEqual(prefix.Text))
            {
                return prefix;
            }
        }

        return null;
    }

    private static bool TryDecode(ReadOnlySpan<char> digits, out ulong high, out ulong low)
    {
        var decoded = PlatformIdBits.TryDecodeDigits(digits, out var value);
        high = decoded ? (ulong)(value >> 64) : 0;
        low = decoded ? (ulong)value : 0;
        return decoded;
    }

    private static string Compose(string prefix, ulong high, ulong low) =>
        string.Create(prefix.Length + 1 + Digits, (prefix, high, low), static (chars, id) =>
        {
            id.prefix.AsSpan().CopyTo(chars);
            chars[id.prefix.Length] = '_';
            PlatformIdBits.FormatDigits(((UInt128)id.high << 64) | id.low, chars[(id.prefix.Length + 1)..]);
        });

    /// <summary>One instance per prefix: an id held as bits points at it, so equal prefixes compare by reference.</summary>
    private sealed class Prefix(string text)
    {
        public string Text { get; } = text;
    }
}
