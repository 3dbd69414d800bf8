using System.Buffers.Binary;
using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Serialization;

namespace Orleans.Fin.Accounts;

/// <summary>
/// The transfer ids of a batch of settled legs, held exactly but packed: ids of ASCII characters (every id the platform
/// makes, such as <c>pay_01M8PQ1FMFCKEQNKN7HR2F7FC8</c>) sit one after another in one byte array, each behind its length,
/// about 31 bytes an id where a string took 88 plus its slot. Any other batch keeps its strings as they are. Nothing is
/// hashed or shortened: <see cref="Contains"/> compares every character, so a leg is recognised exactly as a list of
/// strings would recognise it. Never changed once made; the stored JSON is the list of strings it always was.
/// </summary>
[JsonConverter(typeof(LegIdsJsonConverter))]
[CollectionBuilder(typeof(LegIds), nameof(Create))]
public readonly struct LegIds : IReadOnlyList<string>, IEquatable<LegIds>
{
    private const int CountBytes = sizeof(int);
    private const int MaxPackedLength = byte.MaxValue;

    /// <summary>Null (no ids), a packed <c>byte[]</c> (a count, then each id's length and ASCII bytes) or a <c>string[]</c>.</summary>
    private readonly object? _items;

    private LegIds(object? items) => _items = items;

    public static LegIds Empty => default;

    public int Count => _items switch
    {
        byte[] packed => BinaryPrimitives.ReadInt32LittleEndian(packed),
        string[] ids => ids.Length,
        _ => 0,
    };

    public string this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            if (_items is string[] ids)
            {
                return ids[index];
            }

            var packed = (byte[])_items!;
            var at = CountBytes;
            for (var i = 0; i < index; i++)
            {
                at += 1 + packed[at];
            }

            return Encoding.ASCII.GetString(packed, at + 1, packed[at]);
        }
    }

    /// <summary>The ids in the order given; packed when every one is ASCII and at most 255 characters long.</summary>
    public static LegIds Create(ReadOnlySpan<string> ids)
    {
        if (ids.IsEmpty)
        {
            return default;
        }

        var size = CountBytes;
        foreach (var id in ids)
        {
            ArgumentNullException.ThrowIfNull(id);
            if (id.Length > MaxPackedLength || !Ascii.IsValid(id))
            {
                return new LegIds(ids.ToArray());
            }

            size += 1 + id.Length;
        }

        var packed = new byte[size];
        BinaryPrimitives.WriteInt32LittleEndian(packed, ids.Length);
        var at = CountBytes;
        foreach (var id in ids)
        {
            packed[at] = (byte)id.Length;
            Encoding.ASCII.GetBytes(id, packed.AsSpan(at + 1, id.Length));
            at += 1 + id.Length;
        }

        return new LegIds(packed);
    }

    /// <summary>Whether <paramref name="id"/> is one of the ids, character for character (ordinal).</summary>
    public bool Contains(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_items is string[] ids)
        {
            return Array.Exists(ids, held => string.Equals(held, id, StringComparison.Ordinal));
        }

        if (_items is not byte[] packed || id.Length > MaxPackedLength)
        {
            return false;
        }

        // Every packed id is ASCII: an id with any other character equals none of them, and Ascii.Equals says so.
        for (var at = CountBytes; at < packed.Length; at += 1 + packed[at])
        {
            if (packed[at] == id.Length && Ascii.Equals(packed.AsSpan(at + 1, id.Length), id))
            {
                return true;
            }
        }

        return false;
    }

    public IEnumerator<string> GetEnumerator()
    {
        if (_items is string[] ids)
        {
            foreach (var id in ids)
            {
                yield return id;
            }
        }
        else if (_items is byte[] packed)
        {
            for (var at = CountBytes; at < packed.Length; at += 1 + packed[at])
            {
                yield return Encoding.ASCII.GetString(packed, at + 1, packed[at]);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The same ids in the same order.</summary>
    public bool Equals(LegIds other) => (_items, other._items) switch
    {
        (byte[] mine, byte[] theirs) => mine.AsSpan().SequenceEqual(theirs),
        (string[] mine, string[] theirs) => mine.AsSpan().SequenceEqual(theirs),
        _ => Count == 0 && other.Count == 0,
    };

    public override bool Equals(object? obj) => obj is LegIds other && Equals(other);

    public override int GetHashCode() => Count;

    public static bool operator ==(LegIds left, LegIds right) => left.Equals(right);

    public static bool operator !=(LegIds left, LegIds right) => !left.Equals(right);
}
