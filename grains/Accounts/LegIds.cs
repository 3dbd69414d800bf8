using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Fin.Common;

namespace Orleans.Fin.Accounts;

/// <summary>
/// The transfer ids of a batch of settled legs, held exactly but packed in one byte array, one after another: a
/// platform id in its canonical spelling (every id the platform makes, such as <c>pay_01M8PQ1FMFCKEQNKN7HR2F7FC8</c>)
/// as a tag for its prefix and its 128 bits (<see cref="PlatformIdBits"/>), 17 bytes where its string took 88 plus its
/// slot; any other id of ASCII characters as its length and its characters. A batch with an id of other characters
/// keeps its strings as they are. Nothing is hashed or shortened: an id is held in exactly one form, the same text always
/// in the same form, and <see cref="Contains(in LegId)"/> compares all of it (every bit, every character), so a leg is
/// recognised exactly as a list of strings would recognise it. Never changed once made; the stored JSON is the list of
/// strings it always was.
/// </summary>
[JsonConverter(typeof(LegIdsJsonConverter))]
[CollectionBuilder(typeof(LegIds), nameof(Create))]
public readonly struct LegIds : IReadOnlyList<string>, IEquatable<LegIds>
{
    private const int CountBytes = sizeof(int);
    private const int BitsBytes = 16;

    /// <summary>A tag at or above this is a platform id (the tag less this is its prefix code); below it, an ASCII id's length.</summary>
    private const int PlatformTag = byte.MaxValue + 1 - 16;

    private const int MaxAsciiLength = PlatformTag - 1;

    /// <summary>Null (no ids), a packed <c>byte[]</c> (a count, then each id's tag and bytes) or a <c>string[]</c>.</summary>
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
                at += EntryLength(packed[at]);
            }

            return TextAt(packed, at);
        }
    }

    /// <summary>The ids in the order given; packed when every one is ASCII and at most 239 characters long.</summary>
    public static LegIds Create(ReadOnlySpan<string> ids) => ids.IsEmpty ? default : Pack(null, ids) ?? new LegIds(ids.ToArray());

    /// <summary>These ids, then <paramref name="more"/>: the same as creating the whole list, without unpacking these.</summary>
    public LegIds Append(ReadOnlySpan<string> more)
    {
        if (more.IsEmpty)
        {
            return this;
        }

        return _items switch
        {
            null => Create(more),
            byte[] packed => Pack(packed, more) ?? new LegIds((string[])[.. this, .. more]),
            _ => new LegIds((string[])[.. this, .. more]),
        };
    }

    /// <summary>Whether <paramref name="id"/> is one of the ids, character for character (ordinal).</summary>
    public bool Contains(string id) => Contains(new LegId(id));

    /// <summary>Whether <paramref name="id"/> is one of the ids, character for character (ordinal).</summary>
    public bool Contains(in LegId id)
    {
        if (_items is string[] ids)
        {
            var text = id.Text;
            return Array.Exists(ids, held => string.Equals(held, text, StringComparison.Ordinal));
        }

        if (_items is not byte[] packed)
        {
            return false;
        }

        if (id.Tag != 0)
        {
            // A canonical platform id is held only as its tag and bits, and no other text has the same.
            for (var at = CountBytes; at < packed.Length; at += EntryLength(packed[at]))
            {
                if (packed[at] == id.Tag && BitsAt(packed, at) == id.Bits)
                {
                    return true;
                }
            }

            return false;
        }

        // Any other id is held as its characters, when it is ASCII; Ascii.Equals finds an id of other characters in none.
        var length = id.Text.Length;
        if (length > MaxAsciiLength)
        {
            return false;
        }

        for (var at = CountBytes; at < packed.Length; at += EntryLength(packed[at]))
        {
            if (packed[at] == length && Ascii.Equals(packed.AsSpan(at + 1, length), id.Text))
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
            for (var at = CountBytes; at < packed.Length; at += EntryLength(packed[at]))
            {
                yield return TextAt(packed, at);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Writes each id as a JSON string, as <paramref name="writer"/> writes a string, without making one.</summary>
    internal void WriteEach(Utf8JsonWriter writer)
    {
        if (_items is not byte[] packed)
        {
            foreach (var id in this)
            {
                writer.WriteStringValue(id);
            }

            return;
        }

        Span<char> text = stackalloc char[Math.Max(MaxAsciiLength, PlatformIdBits.MaxTextLength)];
        for (var at = CountBytes; at < packed.Length; at += EntryLength(packed[at]))
        {
            var tag = packed[at];
            var length = tag >= PlatformTag
                ? PlatformIdBits.Format((byte)(tag - PlatformTag), BitsAt(packed, at), text)
                : Encoding.ASCII.GetChars(packed.AsSpan(at + 1, tag), text);
            writer.WriteStringValue(text[..length]);
        }
    }

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

    /// <summary>
    /// The <paramref name="head"/> ids (packed, or none), then <paramref name="ids"/>, packed; null when one of them
    /// cannot be (neither a platform id nor ASCII of at most <see cref="MaxAsciiLength"/> characters).
    /// </summary>
    private static LegIds? Pack(byte[]? head, ReadOnlySpan<string> ids)
    {
        var start = head?.Length ?? CountBytes;
        var bound = start;
        foreach (var id in ids)
        {
            ArgumentNullException.ThrowIfNull(id);
            bound += 1 + Math.Max(BitsBytes, Math.Min(id.Length, MaxAsciiLength));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(bound);
        try
        {
            var at = start;
            head?.CopyTo(buffer, 0);
            foreach (var id in ids)
            {
                if (TryPackPlatformId(id, out var tag, out var bits))
                {
                    buffer[at] = tag;
                    BinaryPrimitives.WriteUInt128LittleEndian(buffer.AsSpan(at + 1, BitsBytes), bits);
                }
                else if (id.Length <= MaxAsciiLength && Ascii.IsValid(id))
                {
                    buffer[at] = (byte)id.Length;
                    Encoding.ASCII.GetBytes(id, buffer.AsSpan(at + 1, id.Length));
                }
                else
                {
                    return null;
                }

                at += EntryLength(buffer[at]);
            }

            var packed = buffer.AsSpan(0, at).ToArray();
            BinaryPrimitives.WriteInt32LittleEndian(packed, (head is null ? 0 : BinaryPrimitives.ReadInt32LittleEndian(head)) + ids.Length);
            return new LegIds(packed);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The tag and bits <paramref name="id"/> is packed as when it is a canonical platform id (<see cref="PlatformIdBits"/>);
    /// the one rule for packing an id and for looking one up.
    /// </summary>
    internal static bool TryPackPlatformId(string id, out byte tag, out UInt128 bits)
    {
        if (PlatformIdBits.TryPack(id, out var prefix, out bits) && prefix < byte.MaxValue + 1 - PlatformTag)
        {
            tag = (byte)(PlatformTag + prefix);
            return true;
        }

        (tag, bits) = (0, 0);
        return false;
    }

    private static int EntryLength(byte tag) => 1 + (tag >= PlatformTag ? BitsBytes : tag);

    private static UInt128 BitsAt(byte[] packed, int at) => BinaryPrimitives.ReadUInt128LittleEndian(packed.AsSpan(at + 1, BitsBytes));

    private static string TextAt(byte[] packed, int at) => packed[at] >= PlatformTag
        ? PlatformIdBits.ToText((byte)(packed[at] - PlatformTag), BitsAt(packed, at))
        : Encoding.ASCII.GetString(packed, at + 1, packed[at]);
}
