using System.Buffers;
using System.Text;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// An audit record's text as it is held: UTF-8 in which the record's reference (a payment decision's text names its
/// movement id, which the record also keeps as its reference) and the engine's stock phrases ("Payment ", " CNY",
/// ": no findings"…) each stand as one byte that UTF-8 never contains. A routine decision's text of about 65 bytes is
/// held in 10 to 15. Decoding with the same reference gives back exactly the text encoded; only the held form uses the
/// marks, the stored JSON has the text itself.
/// </summary>
public static class AuditText
{
    /// <summary>Stands for the reference in an encoded text.</summary>
    public const byte ReferenceMark = 0xFF;

    /// <summary>The first of the marks that stand for <see cref="Phrases"/>, in order (0xF5–0xFD: none is ever in UTF-8).</summary>
    public const byte FirstPhraseMark = 0xF5;

    /// <summary>Phrases of the texts the engine writes (RiskGrain), longest first where one begins another.</summary>
    private static readonly byte[][] Phrases =
    [
        .. new[] { "Payment ", " of ", " CNY", ": no findings", "Login from device ", "Incoming payment ", " from ", "Deposit ", " to " }
            .Select(Encoding.ASCII.GetBytes),
    ];

    /// <summary>Texts up to this many UTF-8 bytes are encoded and decoded in a stack buffer (longer ones in a rented one).</summary>
    private const int StackBytes = 512;

    public static byte[] Encode(string text, string? reference)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = Encoding.UTF8.GetByteCount(text);
        byte[]? rented = null;
        var utf8 = length <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            return Encode(utf8[..Encoding.UTF8.GetBytes(text, utf8)], reference);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Encodes a text given as UTF-8 (what <see cref="Encode(string, string?)"/> does with the text's bytes).</summary>
    public static byte[] Encode(ReadOnlySpan<byte> text, string? reference)
    {
        // Only an ASCII reference is left out: its bytes then match whole characters only.
        Span<byte> left = string.IsNullOrEmpty(reference) || !Ascii.IsValid(reference) || reference.Length > StackBytes
            ? []
            : stackalloc byte[reference.Length];
        Encoding.ASCII.GetBytes(reference.AsSpan(0, left.Length), left);

        // The held form is never longer than the text.
        byte[]? rented = null;
        var held = text.Length <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(text.Length));
        try
        {
            var length = 0;
            for (var i = 0; i < text.Length;)
            {
                if (left.Length > 0 && text[i..].StartsWith(left))
                {
                    held[length++] = ReferenceMark;
                    i += left.Length;
                    left = [];
                    continue;
                }

                var phrase = PhraseAt(text[i..]);
                if (phrase >= 0)
                {
                    held[length++] = (byte)(FirstPhraseMark + phrase);
                    i += Phrases[phrase].Length;
                    continue;
                }

                held[length++] = text[i++];
            }

            return held[..length].ToArray();
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public static string Decode(byte[]? held, string? reference)
    {
        if (held is null)
        {
            return "";
        }

        if (held.AsSpan().IndexOfAnyInRange(FirstPhraseMark, ReferenceMark) < 0)
        {
            return Encoding.UTF8.GetString(held);
        }

        var referenceBytes = Encoding.UTF8.GetBytes(reference ?? "");
        var bytes = ArrayPool<byte>.Shared.Rent(DecodedLength(held, referenceBytes.Length));
        try
        {
            return Encoding.UTF8.GetString(bytes, 0, Decode(held, referenceBytes, bytes));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>How many UTF-8 bytes the text takes once decoded with a reference of <paramref name="referenceLength"/> UTF-8 bytes.</summary>
    public static int DecodedLength(ReadOnlySpan<byte> held, int referenceLength)
    {
        var length = 0;
        foreach (var b in held)
        {
            length += b == ReferenceMark ? referenceLength : b >= FirstPhraseMark ? Phrases[b - FirstPhraseMark].Length : 1;
        }

        return length;
    }

    /// <summary>
    /// Decodes the text as UTF-8 into <paramref name="destination"/> (at least <see cref="DecodedLength"/> bytes), the
    /// reference given as its UTF-8; returns the bytes written. Makes no string.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> held, ReadOnlySpan<byte> reference, Span<byte> destination)
    {
        var at = 0;
        foreach (var b in held)
        {
            if (b == ReferenceMark)
            {
                reference.CopyTo(destination[at..]);
                at += reference.Length;
            }
            else if (b >= FirstPhraseMark)
            {
                Phrases[b - FirstPhraseMark].CopyTo(destination[at..]);
                at += Phrases[b - FirstPhraseMark].Length;
            }
            else
            {
                destination[at++] = b;
            }
        }

        return at;
    }

    private static int PhraseAt(ReadOnlySpan<byte> text)
    {
        for (var p = 0; p < Phrases.Length; p++)
        {
            if (text.StartsWith(Phrases[p]))
            {
                return p;
            }
        }

        return -1;
    }
}
