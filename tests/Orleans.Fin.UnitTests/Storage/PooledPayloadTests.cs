using Orleans.Fin.Silo.Storage;

namespace Orleans.Fin.UnitTests.Storage;

/// <summary>The rented buffer a group-commit write serializes into: it grows without losing what is written, and goes back once.</summary>
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
    public void Dispose_Twice_ReturnsTheBufferOnceAndRefusesFurtherUse()
    {
        var payload = new PooledPayload();
        payload.GetSpan(10)[0] = 42;
        payload.Advance(1);

        payload.Dispose();
        payload.Dispose();

        Assert.Throws<ObjectDisposedException>(() => payload.Written);
        Assert.Throws<ObjectDisposedException>(() => payload.GetSpan());
    }
}
