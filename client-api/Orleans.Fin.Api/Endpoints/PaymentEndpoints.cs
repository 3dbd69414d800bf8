using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans.Fin.Api.Contracts;
using Orleans.Fin.Api.Hosting;
using Orleans.Fin.Api.Infrastructure;
using Orleans.Fin.Common;
using Orleans.Fin.Payments;

namespace Orleans.Fin.Api.Endpoints;

public static class PaymentEndpoints
{
    public static readonly IReadOnlyList<string> Channels = ["app", "qr", "card", "auto-debit"];

    public static IEndpointRouteBuilder MapPaymentEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/payments").WithTags("Payments").RequireAuthorization();
        group.MapPost("/", CreatePayment).WithName(nameof(CreatePayment)).RequireAuthorization(AuthSetup.CustomerPolicy);
        group.MapGet("/{id}", GetPayment).WithName(nameof(GetPayment));
        return routes;
    }

    public static async Task<Created<PaymentResponse>> CreatePayment(
        PaymentRequest request, HttpRequest http, ClaimsPrincipal user, IGrainFactory grains, RequestKeys keys)
    {
        var key = RequestKeys.RequireIdempotencyKey(http);
        new RequestValidator()
            .Id("fromAccountId", request.FromAccountId, IdPrefixes.Account)
            .Id("toAccountId", request.ToAccountId, IdPrefixes.Account)
            .Check(request.FromAccountId is null || request.FromAccountId != request.ToAccountId, "toAccountId", "toAccountId must differ from fromAccountId.")
            .Amount("amount", request.Amount)
            .Currency("currency", request.Currency)
            .OneOf("channel", request.Channel, Channels)
            .Required("deviceId", request.DeviceId, 128)
            .IpAddress("ip", request.Ip, required: false)
            .Optional("country", request.Country, 64)
            .Optional("city", request.City, 100)
            .Optional("merchantCategory", request.MerchantCategory, 64)
            .Check(OneTimeCodeFormat.IsValid(request.Otp), "otp", OneTimeCodeFormat.Message)
            .ThrowIfInvalid();

        // Only customers pay. Whether the account exists and is theirs the movement checks, from the account facts
        // its silo caches, so a payment does not cost a call to the account before the one that posts to it.
        user.EnsureCustomer();
        var subject = user.Subject();
        var movement = new MovementRequest(
            MovementKind.Payment,
            RequestKeys.Fingerprint("payment", request.FromAccountId, request.ToAccountId, request.Amount, request.Currency, request.Channel,
                request.DeviceId, request.Ip, request.Country, request.City, request.MerchantCategory),
            subject, request.FromAccountId, request.ToAccountId, request.Amount!.Value, request.Currency!, request.Channel!,
            request.DeviceId, request.Ip, request.Country, request.City, request.MerchantCategory, request.Otp);
        var id = keys.MovementId(MovementKind.Payment, subject, key);
        var result = await grains.Get<IMoneyMovementGrain>(id).Execute(movement);
        return TypedResults.Created($"/payments/{result.Id}", PaymentResponse.From(result));
    }

    /// <summary>
    /// The payer (and staff) see the whole payment; the payee sees only what its own statement shows, and only once the
    /// money has arrived: never the payer's risk verdict, reasons, device or channel.
    /// </summary>
    public static async Task<Results<Ok<PaymentResponse>, Ok<PaymentReceiptResponse>>> GetPayment(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var result = (FinIds.HasPrefix(id, IdPrefixes.Payment) ? await grains.Get<IMoneyMovementGrain>(id).Get() : null)
            ?? throw FinException.NotFound("Payment");
        if (user.IsStaff() || (result.CustomerIds.Count > 0 && user.IsOwner(result.CustomerIds[0])))
        {
            return TypedResults.Ok(PaymentResponse.From(result));
        }

        if (!result.CustomerIds.Any(user.IsOwner))
        {
            throw new FinException(FinErrorCode.Forbidden, "This payment belongs to other customers.");
        }

        return result.Status == MovementStatus.Completed
            ? TypedResults.Ok(PaymentReceiptResponse.From(result))
            : throw FinException.NotFound("Payment");
    }
}
