using System.Runtime.CompilerServices;
using Orleans.Fin.Common;

namespace Orleans.Fin.Accounts;

/// <summary>
/// Persisted form of one ledger entry of an account (its newest entries, a sealed segment). A value held inline in the
/// list that holds it, its time as ticks and an offset, an exchange rate (rare) behind a reference, and its transfer id,
/// when it is a platform id in its canonical spelling (every id the platform makes), as its prefix and 128 bits
/// (<see cref="PlatformIdBits"/>), which read back as exactly the text: 96 bytes an entry where an object took 120, its
/// list slot 8 and its transfer id 88. The stored JSON is the same as the object's was.
/// </summary>
public readonly struct EntryRecord
{
    private readonly long _ticks;
    private readonly short _offsetMinutes;
    private readonly StrongBox<decimal>? _fxRate;

    // The transfer id: its text when it is not a canonical platform id, else its prefix code + 1 and its bits.
    private readonly string? _reference;
    private readonly byte _referencePrefix;
    private readonly ulong _referenceHigh;
    private readonly ulong _referenceLow;

    public long Sequence { get; init; }

    public DateTimeOffset At
    {
        get => TimeParts.Join(_ticks, _offsetMinutes);
        init => (_ticks, _offsetMinutes) = TimeParts.Split(value);
    }

    public decimal Amount { get; init; }
    public decimal BalanceAfter { get; init; }
    public EntryKind Kind { get; init; }

    /// <summary>The transfer id; "" when a stored entry has none, as the object's default was.</summary>
    public string Reference
    {
        get => _referencePrefix == 0
            ? _reference ?? ""
            : PlatformIdBits.ToText((byte)(_referencePrefix - 1), new UInt128(_referenceHigh, _referenceLow));
        init
        {
            if (PlatformIdBits.TryPack(value, out var prefix, out var bits))
            {
                (_referencePrefix, _referenceHigh, _referenceLow) = ((byte)(prefix + 1), (ulong)(bits >> 64), (ulong)bits);
                _reference = null;
            }
            else
            {
                (_referencePrefix, _reference) = (0, value);
            }
        }
    }

    public string? Counterparty { get; init; }

    /// <summary>Writes <see cref="Reference"/> as a JSON string without making it one: a platform id is formatted from its bits.</summary>
    internal void WriteReference(System.Text.Json.Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_referencePrefix == 0)
        {
            writer.WriteStringValue(_reference ?? "");
            return;
        }

        Span<char> chars = stackalloc char[PlatformIdBits.MaxTextLength];
        writer.WriteStringValue(chars[..PlatformIdBits.Format((byte)(_referencePrefix - 1), new UInt128(_referenceHigh, _referenceLow), chars)]);
    }

    public decimal? FxRate
    {
        get => _fxRate?.Value;
        init => _fxRate = value is { } rate ? new StrongBox<decimal>(rate) : null;
    }
}
