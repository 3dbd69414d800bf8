using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Fin.Risk.StoredRows;

/// <summary>
/// The records the risk state keeps by the dozen (its window of payments and money in, its payees, its decisions awaiting
/// labels, its audit records until they are sealed, and then in their segments) stored as rows (<see cref="Common.StoredRowConverter{T}"/>): the risk state is written on every change, so
/// these lists are most of the platform's stored bytes, and as objects every record repeated its property names.
/// </summary>
public static class RiskStoredRows
{
    public static IEnumerable<JsonConverter> Converters(JsonSerializerOptions objectForm, bool rows) =>
    [
        new PaymentRecordRowConverter(objectForm, rows),
        new InflowRecordRowConverter(objectForm, rows),
        new PayeeRecordRowConverter(objectForm, rows),
        new DecisionRecordRowConverter(objectForm, rows),
        new StoredAuditRowConverter(objectForm, rows),
    ];
}
