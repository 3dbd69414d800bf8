using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Orleans.Fin.Accounts;
using Orleans.Fin.Risk.StoredRows;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Fin.Common;

/// <summary>
/// Grain state as plain System.Text.Json (no CLR type names in the payload, so state types can move; decimals as exact
/// JSON numbers), through Orleans' System.Text.Json storage serializer. The records the most-written states keep by the
/// dozen are written as rows (<see cref="StoredRowConverter{T}"/>), or with <c>rows</c> false as the objects a silo of
/// an earlier version reads (for a rolling upgrade); both forms are read. Reading lets equal strings of a state share
/// one instance (<see cref="StateStrings"/>), which cuts an activation's memory.
/// </summary>
public sealed class StateJsonSerializer : IGrainStorageSerializer, IStateBufferSerializer
{
    private readonly SystemTextJsonGrainStorageSerializer _writer;
    private readonly JsonSerializerOptions _write;
    private readonly JsonWriterOptions _writerOptions;
    private readonly JsonSerializerOptions _read;

    public StateJsonSerializer(bool rows = true)
    {
        var options = new SystemTextJsonGrainStorageSerializerOptions();
        var objectForm = new JsonSerializerOptions(options.JsonSerializerOptions);
        objectForm.Converters.Add(new SharedStringConverter());
        foreach (var converter in RowConverters(objectForm, rows))
        {
            options.JsonSerializerOptions.Converters.Add(converter);
        }

        _writer = new SystemTextJsonGrainStorageSerializer(Options.Create(options));
        _write = options.JsonSerializerOptions;
        // The writer the serializer itself would make for these options (System.Text.Json's default depth is 64).
        _writerOptions = new JsonWriterOptions
        {
            Encoder = _write.Encoder,
            Indented = _write.WriteIndented,
            IndentCharacter = _write.IndentCharacter,
            IndentSize = _write.IndentSize,
            NewLine = _write.NewLine,
            MaxDepth = _write.MaxDepth == 0 ? 64 : _write.MaxDepth,
            SkipValidation = true,
        };
        _read = new JsonSerializerOptions(options.JsonSerializerOptions);
        _read.Converters.Add(new SharedStringConverter());
    }

    public BinaryData Serialize<T>(T? input) => _writer.Serialize(input);

    public void Serialize<T>(T? input, IBufferWriter<byte> destination)
    {
        using var writer = new Utf8JsonWriter(destination, _writerOptions);
        JsonSerializer.Serialize(writer, input, _write);
    }

    public T Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var sharing = StateStrings.BeginRead();
        return input.ToObjectFromJson<T>(_read)!;
    }

    /// <summary>
    /// The records stored as rows: the risk state is written whole after every change and an account with every movement
    /// that touches it, and these lists are most of both (the risk state's window of payments and money in, payees,
    /// decisions awaiting labels and audit records, also in sealed audit segments; an account's entries, also in sealed
    /// ledger segments). As objects every record repeated its property names.
    /// </summary>
    private static JsonConverter[] RowConverters(JsonSerializerOptions objectForm, bool rows) =>
    [
        new PaymentRecordRowConverter(objectForm, rows),
        new InflowRecordRowConverter(objectForm, rows),
        new PayeeRecordRowConverter(objectForm, rows),
        new DecisionRecordRowConverter(objectForm, rows),
        new StoredAuditRowConverter(objectForm, rows),
        new EntryRecordRowConverter(objectForm, rows),
    ];
}
