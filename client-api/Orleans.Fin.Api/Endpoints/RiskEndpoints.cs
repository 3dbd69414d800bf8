using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans.Fin.Api.Contracts;
using Orleans.Fin.Api.Hosting;
using Orleans.Fin.Api.Infrastructure;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Risk;

namespace Orleans.Fin.Api.Endpoints;

/// <summary>Risk profiles, investigation cases, alerts, the audit trail and training labels: staff only.</summary>
public static class RiskEndpoints
{
    public const int MaxNoteLength = 2000;
    public const int MaxAssigneeLength = 64;
    public const int MaxTriggerFilterLength = 200;

    public static IEndpointRouteBuilder MapRiskEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/risk").WithTags("Risk").RequireAuthorization(AuthSetup.StaffPolicy);
        group.MapGet("/customers/{id}", GetRiskProfile).WithName(nameof(GetRiskProfile));
        group.MapGet("/cases", ListCases).WithName(nameof(ListCases));
        group.MapPost("/cases", OpenCase).WithName(nameof(OpenCase)).RequireAuthorization(AuthSetup.RiskDecisionPolicy);
        group.MapGet("/cases/{id}", GetCase).WithName(nameof(GetCase));
        group.MapPost("/cases/{id}/assign", AssignCase).WithName(nameof(AssignCase)).RequireAuthorization(AuthSetup.RiskDecisionPolicy);
        group.MapPost("/cases/{id}/resolve", ResolveCase).WithName(nameof(ResolveCase)).RequireAuthorization(AuthSetup.RiskDecisionPolicy);
        group.MapGet("/alerts", ListAlerts).WithName(nameof(ListAlerts));
        group.MapGet("/audit", ListAudit).WithName(nameof(ListAudit));
        group.MapGet("/labels", ListLabels).WithName(nameof(ListLabels)).RequireAuthorization(AuthSetup.RiskDecisionPolicy);
        return routes;
    }

    public static async Task<Ok<RiskProfileResponse>> GetRiskProfile(string id, IGrainFactory grains)
    {
        await CustomerEndpoints.Load(grains, id);
        return TypedResults.Ok(RiskProfileResponse.From(await grains.GetGrain<IRiskGrain>(id).GetProfile()));
    }

    public static async Task<Ok<PageResponse<CaseSummaryResponse>>> ListCases(IGrainFactory grains, [AsParameters] CaseListParameters query)
    {
        CaseStatus? status = null;
        RiskLevel? severity = null;
        CaseQueueOrder? order = null;
        var assigned = query.Assigned switch { "true" => true, "false" => (bool?)false, _ => null };
        var validator = new RequestValidator()
            .Check(query.Status is null || (status = Named<CaseStatus>(query.Status)) is not null, "status", "status must be Open or Closed.")
            .Check(query.Severity is null || (severity = Named<RiskLevel>(query.Severity)) is not null, "severity", "severity must be Low, Medium or High.")
            .Optional("trigger", query.Trigger, MaxTriggerFilterLength)
            .Optional("assignee", query.Assignee, MaxAssigneeLength)
            .Check(query.Assigned is null || assigned is not null, "assigned", "assigned must be true or false.")
            .Check(query.Assignee is null || assigned is not false, "assigned", "assigned=false cannot be combined with an assignee.")
            .Check(query.Order is null || (order = Named<CaseQueueOrder>(query.Order)) is not null, "order", "order must be Newest or Severity.");
        var (size, position) = Page(validator, query.Limit, query.Cursor);
        var filter = new CaseQuery(status, severity, query.Trigger?.Trim(), query.Assignee?.Trim(), assigned, order ?? CaseQueueOrder.Newest);
        var page = await grains.GetGrain<IRiskCaseRegistryGrain>(RiskGrainKeys.Global).Query(filter, position, size);
        return TypedResults.Ok(new PageResponse<CaseSummaryResponse>([.. page.Items.Select(CaseSummaryResponse.From)], Cursor(page.NextCursor)));
    }

    public static async Task<Created<CaseResponse>> OpenCase(OpenCaseRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        new RequestValidator().Id("customerId", request.CustomerId, IdPrefixes.Customer).Required("reason", request.Reason, 500).ThrowIfInvalid();
        await CustomerEndpoints.Load(grains, request.CustomerId!);
        var view = await grains.GetGrain<IRiskGrain>(request.CustomerId!).Refer(request.Reason!.Trim(), user.Subject(), request.Freeze ?? true);
        return TypedResults.Created($"/risk/cases/{view.Id}", CaseResponse.From(view));
    }

    public static async Task<Ok<CaseResponse>> GetCase(string id, IGrainFactory grains) =>
        TypedResults.Ok(CaseResponse.From(await Load(grains, id)));

    public static async Task<Ok<CaseResponse>> AssignCase(string id, AssignCaseRequest request, IGrainFactory grains, ClaimsPrincipal user)
    {
        new RequestValidator().Required("assignee", request.Assignee, MaxAssigneeLength).ThrowIfInvalid();
        await Load(grains, id);
        return TypedResults.Ok(CaseResponse.From(await grains.GetGrain<IRiskCaseGrain>(id).Assign(request.Assignee!.Trim(), user.Subject())));
    }

    public static async Task<Ok<CaseResponse>> ResolveCase(string id, ResolveCaseRequest request, IGrainFactory grains, ClaimsPrincipal user)
    {
        var outcome = Named<CaseOutcome>(request.Outcome);
        new RequestValidator()
            .Check(outcome is not null, "outcome", "outcome must be ConfirmedFraud or FalsePositive.")
            .Required("note", request.Note, MaxNoteLength)
            .ThrowIfInvalid();
        await Load(grains, id);
        var view = await grains.GetGrain<IRiskCaseGrain>(id).Resolve(new CaseResolution(outcome!.Value, request.Note!.Trim(), user.Subject()));
        return TypedResults.Ok(CaseResponse.From(view));
    }

    public static async Task<Ok<PageResponse<AlertView>>> ListAlerts(
        IGrainFactory grains, string? kind = null, string? customerId = null, int? limit = null, string? cursor = null)
    {
        AlertKind? parsed = null;
        var validator = new RequestValidator()
            .Check(kind is null || (parsed = Named<AlertKind>(kind)) is not null, "kind", $"kind must be one of {string.Join(", ", Enum.GetNames<AlertKind>())}.")
            .Check(customerId is null || FinIds.HasPrefix(customerId, IdPrefixes.Customer), "customerId", "customerId must be an id of the form cus_….");
        var (size, position) = Page(validator, limit, cursor);
        var page = await grains.GetGrain<IRiskAlertRegistryGrain>(RiskGrainKeys.Global).List(parsed, customerId, position, size);
        return TypedResults.Ok(new PageResponse<AlertView>(page.Items, Cursor(page.NextCursor)));
    }

    public static async Task<Ok<PageResponse<AuditResponse>>> ListAudit(IGrainFactory grains, string? customerId = null, int? limit = null, string? cursor = null)
    {
        var validator = new RequestValidator().Id("customerId", customerId, IdPrefixes.Customer);
        var (size, position) = Page(validator, limit, cursor);
        await CustomerEndpoints.Load(grains, customerId!);
        var page = await grains.GetGrain<IRiskGrain>(customerId!).GetAudit(position, size);
        return TypedResults.Ok(new PageResponse<AuditResponse>([.. page.Items.Select(AuditResponse.From)], Cursor(page.NextCursor)));
    }

    /// <summary>Training labels of one month of resolutions (yyyy-MM, UTC), oldest first.</summary>
    public static async Task<Ok<PageResponse<RiskLabel>>> ListLabels(IGrainFactory grains, string? month = null, int? limit = null, string? cursor = null)
    {
        var validator = new RequestValidator().Check(
            month is not null && DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "month", "month must be yyyy-MM.");
        var (size, position) = Page(validator, limit, cursor, allowZero: true);
        var page = await grains.GetGrain<IRiskLabelStoreGrain>(month!).List(position, size);
        return TypedResults.Ok(new PageResponse<RiskLabel>(page.Items, Cursor(page.NextCursor)));
    }

    /// <summary>The enum member named exactly <paramref name="name"/> (numbers are not names), or null.</summary>
    private static T? Named<T>(string? name)
        where T : struct, Enum =>
        name is not null && Enum.GetNames<T>().Contains(name, StringComparer.Ordinal) ? Enum.Parse<T>(name) : null;

    private static async Task<CaseView> Load(IGrainFactory grains, string id) =>
        (FinIds.HasPrefix(id, IdPrefixes.RiskCase) ? await grains.GetGrain<IRiskCaseGrain>(id).Get() : null)
        ?? throw FinException.NotFound("Case");

    /// <summary>Validates limit (1–500, default 50) and cursor (a number this API returned), then throws if anything is invalid.</summary>
    private static (int Limit, long? Cursor) Page(RequestValidator validator, int? limit, string? cursor, bool allowZero = false)
    {
        long? position = null;
        validator
            .Check(limit is null or >= 1 and <= AccountEndpoints.MaxPageSize, "limit", $"limit must be between 1 and {AccountEndpoints.MaxPageSize}.")
            .Check(cursor is null || (long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var c) && (position = c) >= (allowZero ? 0 : 1)),
                "cursor", "cursor is not one this API returned.")
            .ThrowIfInvalid();
        return (limit ?? AccountEndpoints.DefaultPageSize, position);
    }

    private static string? Cursor(long? next) => next?.ToString(CultureInfo.InvariantCulture);
}
