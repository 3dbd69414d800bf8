using System.Text.Json;
using Orleans.Fin.Common;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk.StoredRows;

/// <summary>
/// A payment of the profile's window as a row: <c>[event digest, movement digest, time (UTC), amount, currency, CNY amount
/// (null when it is the amount itself), payee, device, country, city, flags]</c>, the flags being withdrawal (1),
/// declined (2), new payee (4) and new device (8).
/// </summary>
public sealed class PaymentRecordRowConverter(JsonSerializerOptions objectForm, bool rows) : RiskRowConverter<PaymentRecord>(objectForm, rows)
{
    protected override PaymentRecord ReadRow(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var key = NextEvent(ref reader);
        var at = NextTime(ref reader);
        var amount = NextDecimal(ref reader);
        var currency = NextString(ref reader);
        var cny = NextNullableDecimal(ref reader) ?? amount;
        var payee = NextString(ref reader);
        var device = NextString(ref reader);
        var country = NextString(ref reader);
        var city = NextString(ref reader);
        var flags = NextInt32(ref reader);

        // The CNY amount is set after the amount, which would otherwise keep the one it replaced.
        return new PaymentRecord
        {
            Event = key,
            At = at,
            Amount = amount,
            AmountCny = cny,
            Context = new PaymentContext(currency!, payee, device, country, city),
            Withdrawal = Flag(flags, 0),
            Declined = Flag(flags, 1),
            NewPayee = Flag(flags, 2),
            NewDevice = Flag(flags, 3),
        };
    }

    protected override void WriteRow(Utf8JsonWriter writer, PaymentRecord value, JsonSerializerOptions options)
    {
        WriteEvent(writer, value.Event);
        WriteUtc(writer, value.At);
        writer.WriteNumberValue(value.Amount);
        writer.WriteStringValue(value.Currency);
        WriteNumberOrNull(writer, ExactDecimal.Same(value.AmountCny, value.Amount) ? null : value.AmountCny);
        writer.WriteStringValue(value.PayeeAccountId);
        writer.WriteStringValue(value.DeviceId);
        writer.WriteStringValue(value.Country);
        writer.WriteStringValue(value.City);
        writer.WriteNumberValue(Flags(value.Withdrawal, value.Declined, value.NewPayee, value.NewDevice));
    }
}
