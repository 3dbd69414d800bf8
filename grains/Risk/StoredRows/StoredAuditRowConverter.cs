using System.Text.Json;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;

namespace Orleans.Fin.Risk.StoredRows;

/// <summary>
/// An audit record (in the risk state until sealed, then in its segment) as a row: <c>[sequence, action, customer, time,
/// by, text, model version, score, level, decision, account, case, reference]</c>, in the order of the record's fields;
/// the action and level are their numbers, as in the object form, and a missing score, level, decision, account, case or
/// reference is null.
/// </summary>
public sealed class StoredAuditRowConverter(JsonSerializerOptions objectForm, bool rows) : StoredRowConverter<StoredAudit>(objectForm, rows)
{
    protected override StoredAudit ReadRow(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var sequence = NextInt64(ref reader);
        var action = (AuditAction)NextInt32(ref reader);
        var customer = NextString(ref reader);
        var at = NextTime(ref reader);
        var by = NextString(ref reader);
        var why = NextString(ref reader);
        var model = NextString(ref reader);
        var score = NextNullableInt32(ref reader);
        var level = NextNullableInt32(ref reader);
        var decision = NextString(ref reader);
        var account = NextString(ref reader);
        var caseId = NextString(ref reader);
        var reference = NextString(ref reader);

        // The text is set after the reference it is held against (see StoredAudit.Why).
        return new StoredAudit
        {
            Sequence = sequence,
            Action = action,
            Context = new AuditContext(customer!, by!, model!, account, decision, caseId),
            At = at,
            Reference = reference,
            Why = why!,
            Score = score,
            Level = (RiskLevel?)level,
        };
    }

    protected override void WriteRow(Utf8JsonWriter writer, StoredAudit value, JsonSerializerOptions options)
    {
        writer.WriteNumberValue(value.Sequence);
        writer.WriteNumberValue((int)value.Action);
        writer.WriteStringValue(value.CustomerId);
        writer.WriteStringValue(value.At);
        writer.WriteStringValue(value.By);
        writer.WriteStringValue(value.Why);
        writer.WriteStringValue(value.ModelVersion);
        WriteNumberOrNull(writer, value.Score);
        WriteNumberOrNull(writer, (int?)value.Level);
        writer.WriteStringValue(value.Decision);
        writer.WriteStringValue(value.AccountId);
        writer.WriteStringValue(value.CaseId);
        writer.WriteStringValue(value.Reference);
    }
}
