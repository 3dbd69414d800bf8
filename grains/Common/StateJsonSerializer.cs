using System.Text.Json;
using Microsoft.Extensions.Options;
using Orleans.Fin.Accounts;
using Orleans.Fin.Risk.StoredRows;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Fin.Common;

/// <summary>
/// Grain state as plain System.Text.Json (no CLR type names in the payload, so state types can move; decimals as exact
/// JSON numbers), through Orleans' System.Text.Json storage serializer. The long record lists of the states written most
/// (the risk state's, <see cref="RiskStoredRows"/>; an account's entries and its sealed segments',
/// <see cref="EntryRecordRowConverter"/>) are written as rows, or with <c>rows</c> false as the objects a silo of an
/// earlier version reads (for a rolling upgrade); both forms are read. Reading lets equal strings of a state share one instance
/// (<see cref="StateStrings"/>), which cuts an activation's memory.
/// </summary>
public sealed class StateJsonSerializer : IGrainStorageSerializer
{
    private readonly SystemTextJsonGrainStorageSerializer _writer;
    private readonly JsonSerializerOptions _read;

    public StateJsonSerializer(bool rows = true)
    {
        var options = new SystemTextJsonGrainStorageSerializerOptions();
        var objectForm = new JsonSerializerOptions(options.JsonSerializerOptions);
        objectForm.Converters.Add(new SharedStringConverter());
        foreach (var converter in RiskStoredRows.Converters(objectForm, rows).Append(new EntryRecordRowConverter(objectForm, rows)))
        {
            options.JsonSerializerOptions.Converters.Add(converter);
        }

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
