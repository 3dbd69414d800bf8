using System.Text.Json;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Fin.Common;

/// <summary>
/// Grain state as plain System.Text.Json (no CLR type names in the payload, so state types can move; decimals as exact
/// JSON numbers). Writes exactly what Orleans' System.Text.Json storage serializer writes; reads the same payloads but
/// lets equal strings of a state share one instance (<see cref="StateStrings"/>), which cuts an activation's memory.
/// </summary>
public sealed class StateJsonSerializer : IGrainStorageSerializer
{
    private readonly SystemTextJsonGrainStorageSerializer _writer;
    private readonly JsonSerializerOptions _read;

    public StateJsonSerializer()
    {
        var options = new SystemTextJsonGrainStorageSerializerOptions();
        _writer = new SystemTextJsonGrainStorageSerializer(Options.Create(options));
        _read = new JsonSerializerOptions(options.JsonSerializerOptions);
        _read.Converters.Add(new SharedStringConverter());
    }

    public BinaryData Serialize<T>(T? input) => _writer.Serialize(input);

    public T Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var sharing = StateStrings.BeginRead();
        return input.ToObjectFromJson<T>(_read)!;
    }
}
