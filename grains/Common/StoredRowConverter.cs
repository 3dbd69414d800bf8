using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Fin.Common;

/// <summary>
/// Stores a record that a grain state keeps in long lists as a row: a JSON array of its values in a fixed order, where
/// the object form repeats every property name in every record. Reads both forms, so a payload stored as objects reads
/// exactly as before (through <paramref name="objectForm"/>, options without the row converters). With
/// <paramref name="rows"/> false it writes the object form, byte for byte what was written before rows, which a silo
/// of an earlier version still reads (see <see cref="StateJsonSerializer"/>). A row longer than the reader knows is
/// read up to what it knows (a later version may append values); a shorter one is an error.
/// </summary>
public abstract class StoredRowConverter<T>(JsonSerializerOptions objectForm, bool rows) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return JsonSerializer.Deserialize<T>(ref reader, objectForm)!;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"A stored {typeof(T).Name} is an object or a row, not {reader.TokenType}.");
        }

        var value = ReadRow(ref reader, options);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            reader.Skip();
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!rows)
        {
            JsonSerializer.Serialize(writer, value, objectForm);
            return;
        }

        writer.WriteStartArray();
        WriteRow(writer, value, options);
        writer.WriteEndArray();
    }

    /// <summary>Reads the row's values in order; the reader is on the row's start and each value is taken with <see cref="Next"/>.</summary>
    protected abstract T ReadRow(ref Utf8JsonReader reader, JsonSerializerOptions options);

    /// <summary>Writes the row's values in the order <see cref="ReadRow"/> reads them.</summary>
    protected abstract void WriteRow(Utf8JsonWriter writer, T value, JsonSerializerOptions options);

    /// <summary>Moves to the row's next value; returns the reader, on it.</summary>
    protected static ref Utf8JsonReader Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
        {
            throw new JsonException($"A stored {typeof(T).Name} row ends before all of its values.");
        }

        return ref reader;
    }

    protected static string? NextString(ref Utf8JsonReader reader) =>
        NextIsNull(ref reader) ? null : StateStrings.Share(reader.GetString()!);

    protected static ulong NextUInt64(ref Utf8JsonReader reader) => Next(ref reader).GetUInt64();

    protected static int NextInt32(ref Utf8JsonReader reader) => Next(ref reader).GetInt32();

    protected static int? NextNullableInt32(ref Utf8JsonReader reader) => NextIsNull(ref reader) ? null : reader.GetInt32();

    protected static long NextInt64(ref Utf8JsonReader reader) => Next(ref reader).GetInt64();

    protected static decimal NextDecimal(ref Utf8JsonReader reader) => Next(ref reader).GetDecimal();

    protected static decimal? NextNullableDecimal(ref Utf8JsonReader reader) => NextIsNull(ref reader) ? null : reader.GetDecimal();

    protected static DateTimeOffset NextTime(ref Utf8JsonReader reader) => Next(ref reader).GetDateTimeOffset();

    private static bool NextIsNull(ref Utf8JsonReader reader) => Next(ref reader).TokenType == JsonTokenType.Null;

    /// <summary>Writes a time kept in UTC as UTC ("…Z"), which reads back as the same instant with a zero offset.</summary>
    protected static void WriteUtc(Utf8JsonWriter writer, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime);
    }

    /// <summary>Writes a number, or null; whole numbers (a score, a level) are written as they would be as integers.</summary>
    protected static void WriteNumberOrNull(Utf8JsonWriter writer, decimal? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } known)
        {
            writer.WriteNumberValue(known);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>A row's flags: bits set in the order of the values given, the first the lowest.</summary>
    protected static int Flags(params ReadOnlySpan<bool> values)
    {
        var flags = 0;
        for (var i = 0; i < values.Length; i++)
        {
            flags |= values[i] ? 1 << i : 0;
        }

        return flags;
    }

    protected static bool Flag(int flags, int bit) => (flags & (1 << bit)) != 0;
}
