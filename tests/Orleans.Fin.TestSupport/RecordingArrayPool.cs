using System.Buffers;

namespace Orleans.Fin.TestSupport;

/// <summary>
/// A byte pool that rents fresh zeroed arrays and keeps count: how many went out and came back, and whether each came
/// back cleared. Given a spoiling byte it overwrites every array it gets back with it, so a holder that keeps reading
/// an array after handing it back reads that byte, on every run. Arrays are never rented out twice.
/// </summary>
public sealed class RecordingArrayPool(byte? spoilWith = null) : ArrayPool<byte>
{
    private int rented;
    private int returned;
    private int returnedDirty;

    public int Rented => Volatile.Read(ref rented);

    public int Returned => Volatile.Read(ref returned);

    /// <summary>Arrays that came back with any byte not cleared.</summary>
    public int ReturnedDirty => Volatile.Read(ref returnedDirty);

    public override byte[] Rent(int minimumLength)
    {
        Interlocked.Increment(ref rented);
        return new byte[minimumLength];
    }

    public override void Return(byte[] array, bool clearArray = false)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array.AsSpan().ContainsAnyExcept((byte)0))
        {
            Interlocked.Increment(ref returnedDirty);
        }

        if (spoilWith is { } spoil)
        {
            array.AsSpan().Fill(spoil);
        }

        Interlocked.Increment(ref returned);
    }
}
