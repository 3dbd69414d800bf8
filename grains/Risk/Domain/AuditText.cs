using System.Text;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// An audit record's text as it is held: UTF-8, with the first occurrence of the record's reference (a payment decision's
/// text names its movement id, which the record also keeps as its reference) replaced by one byte that UTF-8 never
/// contains, so the id is not held twice (about 30 of a decision text's 60–90 bytes). Decoding with the same reference gives
/// back exactly the text encoded.
/// </summary>
public static class AuditText
{
    /// <summary>Stands for the reference in an encoded text; no UTF-8 encoding of a string contains this byte.</summary>
    public const byte ReferenceMark = 0xFF;

    public static byte[] Encode(string text, string? reference)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Only an ASCII reference is left out: then the text splits around it at whole characters.
        var at = string.IsNullOrEmpty(reference) || !Ascii.IsValid(reference) ? -1 : text.IndexOf(reference, StringComparison.Ordinal);
        if (at < 0)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        var before = text.AsSpan(0, at);
        var after = text.AsSpan(at + reference!.Length);
        var bytes = new byte[Encoding.UTF8.GetByteCount(before) + 1 + Encoding.UTF8.GetByteCount(after)];
        var written = Encoding.UTF8.GetBytes(before, bytes);
        bytes[written] = ReferenceMark;
        Encoding.UTF8.GetBytes(after, bytes.AsSpan(written + 1));
        return bytes;
    }

    public static string Decode(byte[]? bytes, string? reference)
    {
        if (bytes is null)
        {
            return "";
        }

        var mark = Array.IndexOf(bytes, ReferenceMark);
        if (mark < 0)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        return string.Concat(Encoding.UTF8.GetString(bytes, 0, mark), reference, Encoding.UTF8.GetString(bytes, mark + 1, bytes.Length - mark - 1));
    }
}
