using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans.Fin.Api.Contracts;
using Orleans.Fin.Api.Hosting;
using Orleans.Fin.Common;
using Orleans.Fin.Notifications;

namespace Orleans.Fin.Api.Endpoints;

/// <summary>
/// Development only: staff read the latest one-time code sent to a customer, from the memory-only Development inbox
/// (there is no SMS gateway there; the outbox never keeps codes).
/// </summary>
public static class DevelopmentOtpEndpoints
{
    public static IEndpointRouteBuilder MapDevelopmentOtpEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/customers").WithTags("Customers").RequireAuthorization(AuthSetup.StaffPolicy)
            .MapGet("/{id}/otp", GetLatestOtp).WithName(nameof(GetLatestOtp));
        return routes;
    }

    public static async Task<Ok<OtpResponse>> GetLatestOtp(string id, IGrainFactory grains)
    {
        await CustomerEndpoints.Load(grains, id);
        var message = await grains.GetGrain<IDevelopmentSmsInboxGrain>(id).GetLatestCode()
            ?? throw FinException.NotFound("One-time code");
        return TypedResults.Ok(new OtpResponse(id, message.Body, message.Reference, message.MaskedRecipient, message.CreatedAt, message.ExpiresAt));
    }
}
