namespace Orleans.Fin.Api.Contracts;

/// <summary>
/// The query of <c>GET /risk/cases</c>: <c>status</c> (Open|Closed), <c>severity</c> (Low|Medium|High), <c>trigger</c>
/// (part of the trigger, any case), <c>assignee</c> (one subject), <c>assigned</c> (true|false), <c>order</c>
/// (Newest, the default, or Severity: highest first, longest waiting first), <c>limit</c> and <c>cursor</c>.
/// </summary>
public sealed record CaseListParameters(
    string? Status = null,
    string? Severity = null,
    string? Trigger = null,
    string? Assignee = null,
    string? Assigned = null,
    string? Order = null,
    int? Limit = null,
    string? Cursor = null);
