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

    public static byte[] Encode(string text, string? reference)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);

        // Only an ASCII reference is left out: its bytes then match whole characters only.
        var left = string.IsNullOrEmpty(reference) || !Ascii.IsValid(reference) ? [] : Encoding.ASCII.GetBytes(reference);
        var held = new byte[bytes.Length];
        var length = 0;
        for (var i = 0; i < bytes.Length;)
        {
            if (left.Length > 0 && bytes.AsSpan(i).StartsWith(left))
            {
                held[length++] = ReferenceMark;
                i += left.Length;
                left = [];
                continue;
            }

            var phrase = PhraseAt(bytes.AsSpan(i));
            if (phrase >= 0)
            {
                held[length++] = (byte)(FirstPhraseMark + phrase);
                i += Phrases[phrase].Length;
                continue;
            }

            held[length++] = bytes[i++];
        }

        return held.AsSpan(0, length).ToArray();
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

        var length = 0;
        foreach (var b in held)
        {
            length += b == ReferenceMark ? Encoding.UTF8.GetByteCount(reference ?? "") : b >= FirstPhraseMark ? Phrases[b - FirstPhraseMark].Length : 1;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var at = 0;
            foreach (var b in held)
            {
                if (b == ReferenceMark)
                {
                    at += Encoding.UTF8.GetBytes(reference ?? "", bytes.AsSpan(at));
                }
                else if (b >= FirstPhraseMark)
                {
                    Phrases[b - FirstPhraseMark].CopyTo(bytes, at);
                    at += Phrases[b - FirstPhraseMark].Length;
                }
                else
                {
                    bytes[at++] = b;
                }
            }

            return Encoding.UTF8.GetString(bytes, 0, at);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
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
