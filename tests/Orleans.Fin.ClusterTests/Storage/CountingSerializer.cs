using Orleans.Storage;

namespace Orleans.Fin.ClusterTests.Storage;

/// <summary>A storage serializer that counts what passes through it on the way to the one it wraps.</summary>
public sealed class CountingSerializer(IGrainStorageSerializer inner) : IGrainStorageSerializer
{
    public int Serialized { get; private set; }

    public int Deserialized { get; private set; }

    public BinaryData Serialize<T>(T? input)
    {
        Serialized++;
        return inner.Serialize(input);
    }

    public T? Deserialize<T>(BinaryData input)
    {
        Deserialized++;
        return inner.Deserialize<T>(input);
    }
}
