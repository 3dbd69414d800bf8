using System.Buffers;

namespace Orleans.Fin.Common;

/// <summary>
/// A grain storage serializer that can write a state into a buffer the caller owns, byte for byte what
/// <see cref="Orleans.Storage.IGrainStorageSerializer.Serialize{T}"/> returns. A storage that sends the payload and then
/// lets it go can rent that buffer from a pool instead of allocating an array of the payload's size for every write: a
/// risk grain's state is about 100 KB once its windows are full, and arrays that large are collected only with the
/// oldest generation.
/// </summary>
public interface IStateBufferSerializer
{
    void Serialize<T>(T? input, IBufferWriter<byte> destination);
}
