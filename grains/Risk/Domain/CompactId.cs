using Orleans.Fin.Common;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// An identifier as a kept record holds it. A platform id (<see cref="FinIds"/>: a known prefix, '_' and 26 Crockford
/// base-32 characters, 128 bits) is held as its prefix and its bits, 24 bytes inline, where its 30-character string took
/// 88 bytes on the heap besides the reference to it; any other text is held as the string. Reads back as exactly the text
/// it was made from, and two are equal exactly when their texts are (a text is held as bits only in its one canonical
/// spelling: upper case, no separators, a first digit under 8: <see cref="PlatformIdBits"/>, the rule the account's ids are
/// packed by too).
/// </summary>
public readonly struct CompactId : IEquatable<CompactId>
{
    /// <summary>One instance per prefix code of <see cref="PlatformIdBits"/>.</summary>
    private static readonly Prefix[] Prefixes = [.. Enumerable.Range(0, PlatformIdBits.PrefixCount).Select(code => new Prefix((byte)code))];

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
        Prefix prefix => PlatformIdBits.ToText(prefix.Code, new UInt128(_high, _low)),
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

        return PlatformIdBits.TryPack(text, out var code, out var bits)
            ? new CompactId(Prefixes[code], (ulong)(bits >> 64), (ulong)bits)
            : new CompactId(text, 0, 0);
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

    /// <summary>One instance per prefix: an id held as bits points at it, so equal prefixes compare by reference.</summary>
    private sealed class Prefix(byte code)
    {
        public byte Code { get; } = code;
    }
}
