using System.Buffers;

namespace Orleans.Fin.Silo.Storage;

/// <summary>
/// A state's serialized bytes in an array rented from a pool (the shared one unless a test gives its own), grown by
/// doubling, cleared and handed back when disposed: a payload holds a customer's records, which no later renter of the
/// array may read. The owner disposes it only once nothing can send <see cref="Written"/> any more: for a write, once
/// its batch has run.
/// </summary>
internal sealed class PooledPayload : IBufferWriter<byte>, IDisposable
{
    private const int InitialSize = 16 * 1024;

    private readonly ArrayPool<byte> pool;
    private byte[]? buffer;
    private int written;

    public PooledPayload(ArrayPool<byte>? pool = null)
    {
        this.pool = pool ?? ArrayPool<byte>.Shared;
        buffer = this.pool.Rent(InitialSize);
    }

    /// <summary>The bytes written so far; throws once the buffer has gone back to its pool.</summary>
    public ReadOnlyMemory<byte> Written => Buffer.AsMemory(0, written);

    private byte[] Buffer => buffer ?? throw new ObjectDisposedException(nameof(PooledPayload));

    public void Advance(int count)
    {
        if (count < 0 || count > Buffer.Length - written)
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
            GiveBack(rented);
        }
    }

    /// <summary>The buffer, grown so that at least <paramref name="sizeHint"/> bytes (at least one) follow what is written.</summary>
    private byte[] Room(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        var current = Buffer;
        var needed = checked(written + Math.Max(sizeHint, 1));
        if (needed <= current.Length)
        {
            return current;
        }

        var grown = pool.Rent(Math.Max(needed, checked(current.Length * 2)));
        current.AsSpan(0, written).CopyTo(grown);
        buffer = grown;
        GiveBack(current);
        return grown;
    }

    private void GiveBack(byte[] rented)
    {
        rented.AsSpan(0, written).Clear();
        pool.Return(rented);
    }
}
