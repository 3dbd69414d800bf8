using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// Writes a <see cref="DecisionRecord"/> as the JSON object the record wrote when it was a class (the same members in the
/// same order, nulls left out), but from its held form: the movement id from its bits and the features from their
/// columns, so writing the list of decisions makes no string or dictionary per record. Reads that object in any member order.
/// </summary>
public sealed class DecisionRecordJsonConverter : JsonConverter<DecisionRecord>
{
    public override DecisionRecord Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A payment decision is stored as an object.");
        }

        var strings = (JsonConverter<string>)options.GetConverter(typeof(string));
        var record = new DecisionRecord();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader;
            reader.Read();
            if (name.ValueTextEquals("MovementId"u8))
            {
                record = record with { MovementId = ReadString(ref reader, strings, options)! };
            }
            else if (name.ValueTextEquals("At"u8))
            {
                record = record with { At = reader.GetDateTimeOffset() };
            }
            else if (name.ValueTextEquals("AmountCny"u8))
            {
                record = record with { AmountCny = reader.GetDecimal() };
            }
            else if (name.ValueTextEquals("Stopped"u8))
            {
                record = record with { Stopped = reader.GetBoolean() };
            }
            else if (name.ValueTextEquals("BaselineStopped"u8))
            {
                record = record with { BaselineStopped = reader.GetBoolean() };
            }
            else if (name.ValueTextEquals("CaseId"u8))
            {
                record = record with { CaseId = ReadString(ref reader, strings, options) };
            }
            else if (name.ValueTextEquals("Features"u8))
            {
                record = record with { Features = ReadFeatures(ref reader, strings, options) };
            }
            else
            {
                reader.Skip();
            }
        }

        return record;
    }

    public override void Write(Utf8JsonWriter writer, DecisionRecord value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        Span<byte> packed = stackalloc byte[CompactId.MaxPackedLength];
        if (value.Movement.TryWritePacked(packed, out var length))
        {
            writer.WriteString("MovementId"u8, packed[..length]);
        }
        else
        {
            writer.WriteString("MovementId"u8, value.Movement.Text ?? "");
        }

        writer.WriteString("At"u8, value.At);
        writer.WriteNumber("AmountCny"u8, value.AmountCny);
        writer.WriteBoolean("Stopped"u8, value.Stopped);
        writer.WriteBoolean("BaselineStopped"u8, value.BaselineStopped);
        if (value.CaseId is { } caseId)
        {
            writer.WriteString("CaseId"u8, caseId);
        }

        if (value.Compact is { } features)
        {
            writer.WriteStartObject("Features"u8);
            var names = features.Names;
            var values = features.Values;
            for (var i = 0; i < names.Length; i++)
            {
                writer.WriteNumber(names[i], values[i]);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static Dictionary<string, double>? ReadFeatures(ref Utf8JsonReader reader, JsonConverter<string> strings, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A decision's features are stored as an object.");
        }

        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = strings.ReadAsPropertyName(ref reader, typeof(string), options);
            reader.Read();
            features[name] = reader.GetDouble();
        }

        return features;
    }

    private static string? ReadString(ref Utf8JsonReader reader, JsonConverter<string> strings, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : strings.Read(ref reader, typeof(string), options);
}
