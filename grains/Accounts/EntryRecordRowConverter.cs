using System.Text.Json;
using Orleans.Fin.Common;

namespace Orleans.Fin.Accounts;

/// <summary>
/// A ledger entry (an account's newest entries, a sealed segment) as a row: <c>[sequence, time, amount, balance after,
/// kind, transfer id, counterparty, exchange rate]</c>, the kind as its number as in the object form, a missing
/// counterparty or rate null. The account is written with every movement that touches it, and its entries are most of it.
/// </summary>
public sealed class EntryRecordRowConverter(JsonSerializerOptions objectForm, bool rows) : StoredRowConverter<EntryRecord>(objectForm, rows)
{
    protected override EntryRecord ReadRow(ref Utf8JsonReader reader, JsonSerializerOptions options) => new()
    {
        Sequence = NextInt64(ref reader),
        At = NextTime(ref reader),
        Amount = NextDecimal(ref reader),
        BalanceAfter = NextDecimal(ref reader),
        Kind = (EntryKind)NextInt32(ref reader),
        Reference = NextString(ref reader) ?? "",
        Counterparty = NextString(ref reader),
        FxRate = NextNullableDecimal(ref reader),
    };

    protected override void WriteRow(Utf8JsonWriter writer, EntryRecord value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Sequence);
        writer.WriteStringValue(value.At);
        writer.WriteNumberValue(value.Amount);
        writer.WriteNumberValue(value.BalanceAfter);
        writer.WriteNumberValue((int)value.Kind);
        value.WriteReference(writer);
        writer.WriteStringValue(value.Counterparty);
        WriteNumberOrNull(writer, value.FxRate);
    }
}
