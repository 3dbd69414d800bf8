using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans.Fin.Accounts;
using Orleans.Fin.Api.Contracts;
using Orleans.Fin.Api.Hosting;
using Orleans.Fin.Api.Infrastructure;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Payments;

namespace Orleans.Fin.Api.Endpoints;

public static class AccountEndpoints
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/accounts").WithTags("Accounts").RequireAuthorization();
        group.MapPost("/", OpenAccount).WithName(nameof(OpenAccount));
        group.MapGet("/{id}", GetAccount).WithName(nameof(GetAccount));
        group.MapGet("/{id}/entries", ListEntries).WithName(nameof(ListEntries));
        group.MapPost("/{id}/deposits", Deposit).WithName(nameof(Deposit)).RequireAuthorization(AuthSetup.CustomerPolicy);
        group.MapPost("/{id}/withdrawals", Withdraw).WithName(nameof(Withdraw)).RequireAuthorization(AuthSetup.CustomerPolicy);
        group.MapPost("/{id}/freeze", Freeze).WithName(nameof(Freeze)).RequireAuthorization(AuthSetup.FreezePolicy);
        group.MapPost("/{id}/unfreeze", Unfreeze).WithName(nameof(Unfreeze)).RequireAuthorization(AuthSetup.FreezePolicy);
        return routes;
    }

    public static async Task<Created<AccountResponse>> OpenAccount(OpenAccountRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        new RequestValidator().Id("customerId", request.CustomerId, IdPrefixes.Customer).Currency("currency", request.Currency).ThrowIfInvalid();
        if (!user.IsOwner(request.CustomerId!) && !user.IsInRole(Caller.OperatorRole) && !user.IsInRole(Caller.AdminRole))
        {
            throw new FinException(FinErrorCode.Forbidden, "Accounts are opened by the customer or an operator.");
        }

        await CustomerEndpoints.Load(grains, request.CustomerId!);
        var view = await grains.GetGrain<ICustomerGrain>(request.CustomerId!).OpenAccount(request.Currency!);
        return TypedResults.Created($"/accounts/{view.Id}", AccountResponse.From(view).VisibleTo(user));
    }

    public static async Task<Ok<AccountResponse>> GetAccount(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var view = await Load(grains, id, user);
        user.EnsureCanRead(view.CustomerId);
        return TypedResults.Ok(AccountResponse.From(view).VisibleTo(user));
    }

    public static async Task<Ok<PageResponse<EntryResponse>>> ListEntries(
        string id, ClaimsPrincipal user, IGrainFactory grains, int? limit = null, string? cursor = null)
    {
        long? before = null;
        new RequestValidator()
            .Check(limit is null or >= 1 and <= MaxPageSize, "limit", $"limit must be between 1 and {MaxPageSize}.")
            .Check(cursor is null || (long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var b) && (before = b) > 0),
                "cursor", "cursor is not one this API returned.")
            .ThrowIfInvalid();
        var view = await Load(grains, id, user);
        user.EnsureCanRead(view.CustomerId);
        var page = await grains.GetGrain<IAccountGrain>(id).GetEntries(before, limit ?? DefaultPageSize);
        return TypedResults.Ok(new PageResponse<EntryResponse>(
            [.. page.Items.Select(EntryResponse.From)], page.NextBefore?.ToString(CultureInfo.InvariantCulture)));
    }

    public static async Task<Created<MovementResponse>> Deposit(
        string id, DepositRequest request, HttpRequest http, ClaimsPrincipal user, IGrainFactory grains, RequestKeys keys)
    {
        var key = RequestKeys.RequireIdempotencyKey(http);
        new RequestValidator().Amount("amount", request.Amount).Required("channel", request.Channel, 32).ThrowIfInvalid();
        var view = await Load(grains, id, user);
        user.EnsureOwner(view.CustomerId);
        var subject = user.Subject();
        var movement = new MovementRequest(
            MovementKind.Deposit, RequestKeys.Fingerprint("deposit", id, request.Amount, request.Channel), subject,
            null, id, request.Amount!.Value, view.Currency, request.Channel!);
        var result = await grains.GetGrain<IMoneyMovementGrain>(keys.MovementId(MovementKind.Deposit, subject, key)).Execute(movement);
        return TypedResults.Created($"/accounts/{id}/entries", MovementResponse.From(result));
    }

    public static async Task<Created<MovementResponse>> Withdraw(
        string id, WithdrawalRequest request, HttpRequest http, ClaimsPrincipal user, IGrainFactory grains, RequestKeys keys)
    {
        var key = RequestKeys.RequireIdempotencyKey(http);
        new RequestValidator().Amount("amount", request.Amount).ThrowIfInvalid();
        var view = await Load(grains, id, user);
        user.EnsureOwner(view.CustomerId);
        var subject = user.Subject();
        var movement = new MovementRequest(
            MovementKind.Withdrawal, RequestKeys.Fingerprint("withdrawal", id, request.Amount), subject,
            id, null, request.Amount!.Value, view.Currency, "withdrawal");
        var result = await grains.GetGrain<IMoneyMovementGrain>(keys.MovementId(MovementKind.Withdrawal, subject, key)).Execute(movement);
        return TypedResults.Created($"/accounts/{id}/entries", MovementResponse.From(result));
    }

    public static Task<Ok<AccountResponse>> Freeze(string id, FreezeRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        ChangeStatus(id, request, user, grains, (account, command) => account.Freeze(command));

    public static Task<Ok<AccountResponse>> Unfreeze(string id, FreezeRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        ChangeStatus(id, request, user, grains, (account, command) => account.Unfreeze(command));

    /// <summary>A customer account that the caller may see: unknown ids and the bank's own accounts are 404 to customers.</summary>
    internal static async Task<AccountView> Load(IGrainFactory grains, string id, ClaimsPrincipal user)
    {
        var known = FinIds.HasPrefix(id, IdPrefixes.Account) || (user.IsStaff() && SystemAccounts.Parse(id) is not null);
        return (known ? await grains.Get<IAccountGrain>(id).Get() : null) ?? throw FinException.NotFound("Account");
    }

    private static async Task<Ok<AccountResponse>> ChangeStatus(
        string id, FreezeRequest request, ClaimsPrincipal user, IGrainFactory grains, Func<IAccountGrain, FreezeCommand, Task<AccountView>> change)
    {
        new RequestValidator().Required("reason", request.Reason, 500).ThrowIfInvalid();
        await Load(grains, id, user);
        var view = await change(grains.GetGrain<IAccountGrain>(id), new FreezeCommand(request.Reason!.Trim(), user.Subject()));
        return TypedResults.Ok(AccountResponse.From(view).VisibleTo(user));
    }
}
