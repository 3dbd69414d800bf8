using System.Text;
using Orleans.Runtime;
using Orleans.Storage;

namespace Orleans.Fin.Silo.Storage;

/// <summary>
/// How a grain's state is addressed in OrleansStorage (deploy/sql/020-persistence.sql): the state name, the grain id as
/// two 64-bit numbers plus an optional string, and the two informational hashes. Computed exactly as the Orleans ADO.NET
/// provider computes them, so rows written by either provider are found by the other.
/// </summary>
public sealed record GrainRowKey(string GrainType, long N0, long N1, string? Extension, int GrainTypeHash, int GrainIdHash)
{
    private static readonly OrleansDefaultHasher Hasher = new();

    public static GrainRowKey From(string stateName, GrainId grainId)
    {
        // The ADO.NET provider rewrites generic type names; state names never contain the generic marker here.
        if (stateName.Contains('`', StringComparison.Ordinal))
        {
            throw new NotSupportedException($"State name '{stateName}' names a generic type; give the state a plain name.");
        }

        long n0, n1;
        string? extension;
        byte[] idBytes;
        if (grainId.TryGetGuidKey(out var guid, out extension))
        {
            var guidBytes = guid.ToByteArray();
            n0 = BitConverter.ToInt64(guidBytes, 0);
            n1 = BitConverter.ToInt64(guidBytes, 8);
            idBytes = WithExtension(guidBytes, extension);
        }
        else if (grainId.TryGetIntegerKey(out var integer, out extension))
        {
            n0 = 0;
            n1 = integer;
            idBytes = WithExtension(BitConverter.GetBytes(integer), extension);
        }
        else
        {
            n0 = 0;
            n1 = 0;
            extension = grainId.Key.ToString();
            idBytes = Encoding.UTF8.GetBytes(extension);
        }

        // The id hash is taken over the bytes in reverse order on little-endian machines (the ADO.NET provider's rule).
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(idBytes);
        }

        return new GrainRowKey(stateName, n0, n1, extension, Hasher.Hash(Encoding.UTF8.GetBytes(stateName)), Hasher.Hash(idBytes));
    }

    private static byte[] WithExtension(byte[] key, string? extension) =>
        extension is null ? key : [.. key, .. Encoding.UTF8.GetBytes(extension)];
}
