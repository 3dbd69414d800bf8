namespace Orleans.Fin.Api.Tests;

/// <summary>
/// What the fuzzer aims at: the operations of the OpenAPI document, the real ids of a victim (used only with another
/// customer's token), and tokens of every broken kind.
/// </summary>
internal sealed record FuzzTargets(
    IReadOnlyList<(string Method, string Template)> Operations,
    IReadOnlyList<string> VictimIds,
    IReadOnlyDictionary<string, string?> Tokens,
    string AttackerToken,
    string StaffToken);
