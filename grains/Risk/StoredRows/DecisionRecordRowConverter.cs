using System.Text.Json;
using Orleans.Fin.Common;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk.StoredRows;

/// <summary>
/// A payment decision awaiting its label, as a row: <c>[movement, time, CNY amount, flags, case, features]</c>, the flags
/// being stopped (1) and stopped by the rules-only baseline (2); the features are the object they always were (names to
/// values), or null when the payment was not sampled.
/// </summary>
public sealed class DecisionRecordRowConverter(JsonSerializerOptions objectForm, bool rows) : StoredRowConverter<DecisionRecord>(objectForm, rows)
{
    protected override DecisionRecord ReadRow(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var movement = NextString(ref reader);
        var at = NextTime(ref reader);
        var amount = NextDecimal(ref reader);
        var flags = NextInt32(ref reader);
        var caseId = NextString(ref reader);
        Next(ref reader);
        var features = JsonSerializer.Deserialize<Dictionary<string, double>>(ref reader, options);
        return new DecisionRecord
        {
            MovementId = movement!,
            At = at,
            AmountCny = amount,
            Stopped = Flag(flags, 0),
            BaselineStopped = Flag(flags, 1),
            CaseId = caseId,
            Features = features,
        };
    }

    protected override void WriteRow(Utf8JsonWriter writer, DecisionRecord value, JsonSerializerOptions options)
    {
        writer.WriteStringValue(value.MovementId);
        writer.WriteStringValue(value.At);
        writer.WriteNumberValue(value.AmountCny);
        writer.WriteNumberValue(Flags(value.Stopped, value.BaselineStopped));
        writer.WriteStringValue(value.CaseId);
        JsonSerializer.Serialize(writer, value.Features, options);
    }
}
