using System.Text.Json;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk.StoredRows;

/// <summary>Money in of the profile's window as a row: <c>[event digest, movement digest, time (UTC), CNY amount, counterparty]</c>.</summary>
public sealed class InflowRecordRowConverter(JsonSerializerOptions objectForm, bool rows) : RiskRowConverter<InflowRecord>(objectForm, rows)
{
    protected override InflowRecord ReadRow(ref Utf8JsonReader reader, JsonSerializerOptions options) => new()
    {
        Event = NextEvent(ref reader),
        At = NextTime(ref reader),
        AmountCny = NextDecimal(ref reader),
        CounterpartyAccountId = NextString(ref reader),
    };

    protected override void WriteRow(Utf8JsonWriter writer, InflowRecord value, JsonSerializerOptions options)
    {
        WriteEvent(writer, value.Event);
        WriteUtc(writer, value.At);
        writer.WriteNumberValue(value.AmountCny);
        writer.WriteStringValue(value.CounterpartyAccountId);
    }
}
