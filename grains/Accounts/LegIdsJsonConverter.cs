using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Fin.Accounts;

/// <summary>Reads and writes <see cref="LegIds"/> as the JSON array of strings a list of ids was stored as.</summary>
public sealed class LegIdsJsonConverter : JsonConverter<LegIds>
{
    public override LegIds Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return LegIds.Empty;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Settled leg ids are stored as an array of strings.");
        }

        var ids = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            ids.Add(reader.GetString() ?? throw new JsonException("A settled leg id is never null."));
        }

        return LegIds.Create([.. ids]);
    }

    public override void Write(Utf8JsonWriter writer, LegIds value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        value.WriteEach(writer);
        writer.WriteEndArray();
    }
}
