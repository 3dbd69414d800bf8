using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans.Fin.Api.Hosting;
using Orleans.Fin.Api.Infrastructure;
using Orleans.Fin.Clock;
using Orleans.Fin.Common;

namespace Orleans.Fin.Api.Endpoints;

public sealed record AdvanceClockRequest(int? Days);

/// <summary>The business clock: read by staff; advanced by operators and admins when it is simulated.</summary>
public static class ClockEndpoints
{
    /// <summary>Ten years at a time: enough to age any loan or portfolio, and far from the calendar's end.</summary>
    public const int MaxAdvanceDays = 3660;

    public static IEndpointRouteBuilder MapClockEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/ops/clock").WithTags("Operations").RequireAuthorization(AuthSetup.StaffPolicy);
        group.MapGet("/", GetClock).WithName(nameof(GetClock));
        group.MapPost("/advance", AdvanceClock).WithName(nameof(AdvanceClock)).RequireAuthorization(AuthSetup.ClockPolicy);
        return routes;
    }

    public static async Task<Ok<BusinessClockView>> GetClock(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IBusinessClockGrain>(0).Now());

    public static async Task<Ok<BusinessClockView>> AdvanceClock(AdvanceClockRequest request, IGrainFactory grains)
    {
        new RequestValidator()
            .Check(request.Days is >= 1 and <= MaxAdvanceDays, "days", $"days must be a whole number from 1 to {MaxAdvanceDays}.")
            .ThrowIfInvalid();
        return TypedResults.Ok(await grains.GetGrain<IBusinessClockGrain>(0).Advance(TimeSpan.FromDays(request.Days!.Value)));
    }
}
