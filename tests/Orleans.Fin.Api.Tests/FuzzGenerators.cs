using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Orleans.Fin.Api.Tests;

/// <summary>
/// FsCheck generators of requests that must all be refused: broken tokens, ids that are unknown, garbage or someone
/// else's, bodies whose every field is invalid, hostile headers and queries. A valid token never meets a body or id
/// that could succeed, so any 2xx on a write is a hole.
/// </summary>
internal static class FuzzGenerators
{
    public static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    private static readonly string[] Fields =
    [
        "name", "idNumber", "phone", "deviceId", "otp", "ip", "country", "city", "customerId", "accountId", "currency", "amount",
        "channel", "fromAccountId", "toAccountId", "merchantCategory", "reason", "note", "outcome", "assignee", "approve",
        "termMonths", "purpose", "seniority", "home", "maritalStatus", "job", "expenses", "income", "assets", "debt", "price",
        "records", "answers", "goal", "horizonYears", "productId", "days", "subject", "roles", "version", "override",
    ];

    // JSON values no field of any operation accepts (wrong type, out of range, control characters, too long, too precise).
    private static readonly string[] BadValues =
    [
        "null", "\"\"", "\"   \"", "\"a\\u0000b\"", "\"bell\\u0007\"", "\"line\\nbreak\"", "\"\\ud800\"", "\"" + new string('x', 3000) + "\"",
        "-1", "0", "-0.01", "0.001", "1e-28", "1e400", "2147483648", "-2147483649", "79228162514264337593543950336", "true", "[]",
        "{}", "[1,2,3,4,5,6]", "\"1\"", "{\"$type\":\"System.Object\"}",
    ];

    private static readonly string[] RawBodies =
    [
        "", "not json", "{", "}", "[]", "null", "123", "\"text\"", "{\"a\":}", "{'single':'quotes'}", "\u0000\u0001\u0002",
        new string('[', 5000) + new string(']', 5000), "{\"amount\":" + new string('9', 5000) + "}",
        "{\"name\":\"" + new string('n', 70_000) + "\"}",
    ];

    private static readonly string[] GarbageIds =
    [
        "", " ", "null", "-1", "0", "acc_0", "cus_!!!", "pay_" + new string('0', 300), "../../etc/passwd", "%00", "\u2028",
        "💥", "ACC_01ABCDEFGHJKMNPQRSTVWXYZ0", new string('a', 3000), "' or 1=1 --", "<script>", "acc_01J\r\nX-Injected: 1",
        ApiSteps.UnknownCustomerId, ApiSteps.UnknownAccountId, ApiSteps.UnknownPaymentId, "loan_00000000000000000000000000",
        "pf_00000000000000000000000000", "case_00000000000000000000000000", "fraud-model", "credit2",
    ];

    private static readonly string[] Queries =
    [
        "", "", "?limit=-1", "?limit=0", "?limit=abc", "?limit=99999999999", "?limit=1&limit=2", "?cursor=%00", "?cursor=" + new string('c', 2000),
        "?status=Nope", "?kind=Nope", "?customerId=%00", "?customerId=" + ApiSteps.UnknownCustomerId, "?limit=1e3", "?%zz=1",
    ];

    private static readonly string?[] Accepts =
        [null, "application/json", "text/plain", "text/html", "application/xml", "*/*", "garbage/###", "application/json;q=0", "image/png"];

    private static readonly string?[] ContentTypes =
        ["application/json", "application/json", "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", null];

    private static readonly string?[] IdempotencyKeys =
        [null, "", new string('k', 65), "a b", "ключ", "tab\tkey", "valid-key-1", "valid-key-2"];

    public static Gen<FuzzRequest> Request(FuzzTargets targets)
    {
        var operation = Gen.Elements(targets.Operations.ToArray());
        var extraMethod = Gen.Elements("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
        var tokenKind = Gen.Elements(targets.Tokens.Keys.ToArray());
        return from op in operation
               from swapMethod in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
               from method in swapMethod ? extraMethod : Gen.Constant(op.Method)
               from kind in tokenKind
               from ids in Gen.Elements(GarbageIds).ArrayOf(4)
               from victimIds in Gen.Elements(targets.VictimIds.ToArray()).ArrayOf(4)
               from query in Gen.Elements(Queries)
               from body in Body()
               from contentType in Gen.Elements(ContentTypes)
               from accept in Gen.Elements(Accepts)
               from key in Gen.Elements(IdempotencyKeys)
               select Build(targets, method, op.Template, kind, kind == "attacker" ? victimIds : ids, query, body, contentType, accept, key);
    }

    private static Gen<string?> Body() =>
        Gen.Frequency(
            (1, Gen.Constant<string?>(null)),
            (2, Gen.Elements(RawBodies).Select(b => (string?)b)),
            (6, InvalidObject().Select(b => (string?)b)));

    /// <summary>An object naming some fields of some operation, every one of them with a value no operation accepts.</summary>
    private static Gen<string> InvalidObject() =>
        from fields in Gen.SubListOf(Fields).Where(f => f.Count > 0)
        from values in Gen.Elements(BadValues).ArrayOf(fields.Count)
        select "{" + string.Join(",", fields.Select((f, i) => $"\"{f}\":{values[i]}")) + "}";

    private static FuzzRequest Build(
        FuzzTargets targets, string method, string template, string kind, string[] ids, string query, string? body, string? contentType,
        string? accept, string? key)
    {
        var path = new StringBuilder();
        var slot = 0;
        foreach (var segment in template.Split('/'))
        {
            if (path.Length > 0 || segment.Length > 0)
            {
                path.Append('/');
            }

            path.Append(segment.StartsWith('{') ? Uri.EscapeDataString(ids[slot++ % ids.Length]) : segment);
        }

        // Staff tokens are valid: they only ever meet ids that do not exist and bodies that cannot pass.
        var token = kind switch
        {
            "attacker" => targets.AttackerToken,
            "staff" => targets.StaffToken,
            _ => targets.Tokens[kind],
        };
        return new FuzzRequest(method, path + query, kind, token, body, body is null ? null : contentType, accept, key);
    }
}
