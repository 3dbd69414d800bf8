using System.Security.Cryptography;

namespace Orleans.Fin.Common;

/// <summary>
/// Server-chosen identifiers: a type prefix and 26 Crockford base-32 characters (48-bit time + 80 random bits),
/// so ids sort by creation time and cannot be guessed.
/// </summary>
public static class FinIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static readonly System.Buffers.SearchValues<char> AlphabetValues = System.Buffers.SearchValues.Create(Alphabet);

    public static string New(string prefix, DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        var ms = (ulong)now.ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)(ms & 0xFF);
            ms >>= 8;
        }

        RandomNumberGenerator.Fill(bytes[6..]);
        return prefix + "_" + Encode(bytes);
    }

    /// <summary>A deterministic id derived from a secret digest (used for idempotent requests).</summary>
    public static string FromDigest(string prefix, ReadOnlySpan<byte> digest)
    {
        if (digest.Length < 16)
        {
            throw new ArgumentException("A digest of at least 16 bytes is required.", nameof(digest));
        }

        return prefix + "_" + Encode(digest[..16]);
    }

    public static bool HasPrefix(string? id, string prefix) =>
        id is not null && id.Length == prefix.Length + 27 && id.StartsWith(prefix + "_", StringComparison.Ordinal)
        && id.AsSpan(prefix.Length + 1).IndexOfAnyExcept(AlphabetValues) < 0;

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        // 128 bits -> 26 characters of 5 bits (the first carries 3 bits).
        Span<char> chars = stackalloc char[26];
        var value = new System.Numerics.BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }
}
