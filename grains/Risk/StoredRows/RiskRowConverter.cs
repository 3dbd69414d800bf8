using System.Text.Json;
using Orleans.Fin.Common;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk.StoredRows;

/// <summary>A row converter for the risk engine's records: an event they came from is two values, its digest and its movement's.</summary>
public abstract class RiskRowConverter<T>(JsonSerializerOptions objectForm, bool rows) : StoredRowConverter<T>(objectForm, rows)
{
    protected static EventKey NextEvent(ref Utf8JsonReader reader) => new() { Id = NextUInt64(ref reader), Movement = NextUInt64(ref reader) };

    protected static void WriteEvent(Utf8JsonWriter writer, EventKey key)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(key.Id);
        writer.WriteNumberValue(key.Movement);
    }
}
