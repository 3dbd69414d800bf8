using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Orleans.Fin.Api.Contracts;
using Orleans.Fin.Api.Hosting;
using Orleans.Fin.Api.Infrastructure;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;

namespace Orleans.Fin.Api.Endpoints;

public static class CustomerEndpoints
{
    public static IEndpointRouteBuilder MapCustomerEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/customers").WithTags("Customers");
        group.MapPost("/", CreateCustomer).WithName(nameof(CreateCustomer)).AllowAnonymous().RequireRateLimiting(AuthSetup.AnonymousLimiter);
        group.MapGet("/{id}", GetCustomer).WithName(nameof(GetCustomer)).RequireAuthorization();
        group.MapPost("/{id}/devices", BindDevice).WithName(nameof(BindDevice)).RequireAuthorization();
        group.MapPost("/{id}/logins", RecordLogin).WithName(nameof(RecordLogin)).RequireAuthorization();
        return routes;
    }

    public static async Task<Created<CustomerResponse>> CreateCustomer(
        CreateCustomerRequest request, IGrainFactory grains, RequestKeys keys, TimeProvider clock)
    {
        // Ages are counted on the calendar of the customer's jurisdiction (China Standard Time).
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var (identity, idError) = ResidentIdentityRules.Validate(request.IdNumber, today);
        new RequestValidator()
            .Required("name", request.Name, 100)
            .Check(idError is null, "idNumber", idError ?? "")
            .Check(PhoneRules.IsValid(request.Phone), "phone", "phone must be an 11-digit mainland mobile number.")
            .Required("deviceId", request.DeviceId, 128)
            .ThrowIfInvalid();

        var draft = new CustomerDraft(request.Name!.Trim(), identity!.Masked, identity.BirthDate, identity.Province, request.Phone!, request.DeviceId!);
        var registration = await grains.GetGrain<IIdentityIndexGrain>(keys.IdentityIndexKey(request.IdNumber!)).Register(draft);
        if (!registration.Created)
        {
            throw new FinException(FinErrorCode.Conflict, "A customer with this identity number already exists.");
        }

        var profile = await grains.GetGrain<ICustomerGrain>(registration.CustomerId).Get()
            ?? throw FinException.NotFound("Customer");
        return TypedResults.Created($"/customers/{profile.Id}", CustomerResponse.From(profile));
    }

    public static async Task<Ok<CustomerResponse>> GetCustomer(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        user.EnsureCanRead(id);
        return TypedResults.Ok(CustomerResponse.From(await Load(grains, id)));
    }

    /// <summary>
    /// The customer binds a new device with a one-time code once it has one bound (202 ChallengeRequired, then repeat
    /// with <c>otp</c>; a wrong or expired code is 422, a locked step-up 429). An operator binds without a code.
    /// </summary>
    public static async Task<Results<NoContent, Accepted<DeviceChallengeResponse>, ProblemHttpResult>> BindDevice(
        string id, BindDeviceRequest request, ClaimsPrincipal user, IGrainFactory grains, HttpResponse response, TimeProvider clock)
    {
        EnsureSelfOrOperator(user, id);
        new RequestValidator()
            .Required("deviceId", request.DeviceId, 128)
            .Check(OneTimeCodeFormat.IsValid(request.Otp), "otp", OneTimeCodeFormat.Message)
            .ThrowIfInvalid();
        await Load(grains, id);
        var customer = grains.GetGrain<ICustomerGrain>(id);
        if (!user.IsOwner(id))
        {
            await customer.BindDevice(request.DeviceId!);
            return TypedResults.NoContent();
        }

        var result = await customer.BindDeviceWithCode(request.DeviceId!, request.Otp);
        return result.Status switch
        {
            DeviceBindingStatus.Bound => TypedResults.NoContent(),
            DeviceBindingStatus.ChallengeRequired => TypedResults.Accepted((string?)null, new DeviceChallengeResponse("ChallengeRequired", result.ExpiresAt)),
            DeviceBindingStatus.Locked => StepUpLocked(result.LockedUntil, response, clock),
            DeviceBindingStatus.WrongCode => TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Type = ProblemTypes.OneTimeCodeRefused,
                Title = "The one-time code is wrong.",
                Detail = "The one-time code does not match; enter the code sent to the phone.",
            }),
            _ => TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Type = ProblemTypes.OneTimeCodeRefused,
                Title = "The one-time code has expired.",
                Detail = "The one-time code expired, was used up or was never sent for this device; ask again without a code.",
            }),
        };
    }

    private static ProblemHttpResult StepUpLocked(DateTimeOffset? until, HttpResponse response, TimeProvider clock)
    {
        var seconds = until is { } u ? Math.Max(1, (int)Math.Ceiling((u - clock.GetUtcNow()).TotalSeconds)) : 60;
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Type = ProblemTypes.StepUpLocked,
            Title = "Too many one-time codes.",
            Detail = $"Too many one-time codes were requested or entered wrong; try again in {seconds} seconds.",
        };
        problem.Extensions["retryAfterSeconds"] = seconds;
        return TypedResults.Problem(problem);
    }

    public static async Task<Accepted> RecordLogin(string id, LoginRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        EnsureSelfOrOperator(user, id);
        new RequestValidator()
            .Required("deviceId", request.DeviceId, 128)
            .IpAddress("ip", request.Ip, required: true)
            .Required("country", request.Country, 64)
            .Required("city", request.City, 100)
            .ThrowIfInvalid();
        await Load(grains, id);
        await grains.GetGrain<ICustomerGrain>(id).RecordLogin(new LoginAttempt(request.DeviceId!, request.Ip!, request.Country!, request.City!));
        return TypedResults.Accepted((string?)null);
    }

    internal static async Task<CustomerProfile> Load(IGrainFactory grains, string id) =>
        (FinIds.HasPrefix(id, IdPrefixes.Customer) ? await grains.GetGrain<ICustomerGrain>(id).Get() : null)
        ?? throw FinException.NotFound("Customer");

    private static void EnsureSelfOrOperator(ClaimsPrincipal user, string customerId)
    {
        if (!user.IsOwner(customerId) && !user.IsInRole(Caller.OperatorRole) && !user.IsInRole(Caller.AdminRole))
        {
            throw new FinException(FinErrorCode.Forbidden, "Only the customer or an operator may do this.");
        }
    }
}
