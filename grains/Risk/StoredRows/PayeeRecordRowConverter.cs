using System.Text.Json;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk.StoredRows;

/// <summary>
/// An account the customer paid, as a row: <c>[account, first paid, last paid, first payment's event and movement
/// digests, last payment's event and movement digests, payments]</c> (times with the offset they were kept with).
/// </summary>
public sealed class PayeeRecordRowConverter(JsonSerializerOptions objectForm, bool rows) : RiskRowConverter<PayeeRecord>(objectForm, rows)
{
    protected override PayeeRecord ReadRow(ref Utf8JsonReader reader, JsonSerializerOptions options) => new()
    {
        AccountId = NextString(ref reader)!,
        FirstPaid = NextTime(ref reader),
        LastPaid = NextTime(ref reader),
        FirstEvent = NextEvent(ref reader),
        LastEvent = NextEvent(ref reader),
        Payments = NextInt32(ref reader),
    };

    protected override void WriteRow(Utf8JsonWriter writer, PayeeRecord value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.AccountId);
        writer.WriteStringValue(value.FirstPaid);
        writer.WriteStringValue(value.LastPaid);
        WriteEvent(writer, value.FirstEvent);
        WriteEvent(writer, value.LastEvent);
        writer.WriteNumberValue(value.Payments);
    }
}
