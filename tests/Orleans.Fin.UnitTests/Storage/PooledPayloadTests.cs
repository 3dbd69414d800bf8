using Orleans.Fin.Silo.Storage;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.UnitTests.Storage;

/// <summary>The rented buffer a group-commit write serializes into: it grows without losing what is written, and every array goes back once, cleared.</summary>
public sealed class PooledPayloadTests
{
    [Fact]
    public void Written_AcrossSeveralGrowths_HoldsEveryByteInOrder()
    {
        using var payload = new PooledPayload();
        var expected = new byte[300_000];
        new Random(7).NextBytes(expected);

        for (var offset = 0; offset < expected.Length;)
        {
            var chunk = Math.Min(7_001, expected.Length - offset);
            var span = payload.GetSpan(chunk);
            Assert.True(span.Length >= chunk);
            expected.AsSpan(offset, chunk).CopyTo(span);
            payload.Advance(chunk);
            offset += chunk;
        }

        Assert.Equal(expected, payload.Written.ToArray());
    }

    [Fact]
    public void GetMemory_WithoutAHint_GivesRoomForAtLeastOneByte()
    {
        using var payload = new PooledPayload();
        var first = payload.GetMemory();
        payload.Advance(first.Length);

        var next = payload.GetMemory();

        Assert.True(next.Length >= 1);
        Assert.Equal(first.Length, payload.Written.Length);
    }

    [Fact]
    public void Advance_PastTheMemoryHandedOut_Throws()
    {
        using var payload = new PooledPayload();
        var room = payload.GetSpan().Length;

        Assert.Throws<ArgumentOutOfRangeException>(() => payload.Advance(room + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => payload.Advance(-1));
        Assert.Equal(0, payload.Written.Length);
    }

    [Fact]
    public void Dispose_AfterGrowingAndTwice_HandsEveryArrayBackOnceAndCleared()
    {
        var pool = new RecordingArrayPool();
        var payload = new PooledPayload(pool);
        for (var i = 0; i < 5; i++)
        {
            var chunk = payload.GetSpan(20_000)[..20_000];
            chunk.Fill(0x7B);
            payload.Advance(chunk.Length);
        }

        payload.Dispose();
        payload.Dispose();

        Assert.True(pool.Rented > 1, $"{pool.Rented} arrays rented");
        Assert.Equal(pool.Rented, pool.Returned);
        Assert.Equal(0, pool.ReturnedDirty);
    }

    [Fact]
    public void Written_AfterDispose_Throws()
    {
        var payload = new PooledPayload(new RecordingArrayPool());
        payload.GetSpan(10)[0] = 42;
        payload.Advance(1);

        payload.Dispose();

        Assert.Throws<ObjectDisposedException>(() => payload.Written);
        Assert.Throws<ObjectDisposedException>(() => payload.GetSpan());
    }
}
