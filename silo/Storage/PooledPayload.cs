using System.Buffers;

namespace Orleans.Fin.Silo.Storage;

/// <summary>
/// A state's serialized bytes in an array rented from the shared pool, grown by doubling, handed back when disposed. The
/// owner disposes it only once nothing can read <see cref="Written"/> any more: for a write, once its batch has run.
/// </summary>
internal sealed class PooledPayload : IBufferWriter<byte>, IDisposable
{
    private const int InitialSize = 16 * 1024;

    private byte[]? buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    private int written;

    public ReadOnlyMemory<byte> Written => Buffer.AsMemory(0, written);

    private byte[] Buffer => buffer ?? throw new ObjectDisposedException(nameof(PooledPayload));

    public void Advance(int count)
    {
        if (count < 0 || written + count > Buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "Advanced past the memory handed out.");
        }

        written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Room(sizeHint).AsMemory(written);

    public Span<byte> GetSpan(int sizeHint = 0) => Room(sizeHint).AsSpan(written);

    public void Dispose()
    {
        var rented = Interlocked.Exchange(ref buffer, null);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The buffer, grown so that at least <paramref name="sizeHint"/> bytes (at least one) follow what is written.</summary>
    private byte[] Room(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        var current = Buffer;
        var needed = written + Math.Max(sizeHint, 1);
        if (needed <= current.Length)
        {
            return current;
        }

        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(needed, checked(current.Length * 2)));
        current.AsSpan(0, written).CopyTo(grown);
        buffer = grown;
        ArrayPool<byte>.Shared.Return(current);
        return grown;
    }
}
