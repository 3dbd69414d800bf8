using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans.Fin.Api.Contracts;
using Orleans.Fin.Api.Hosting;
using Orleans.Fin.Api.Infrastructure;
using Orleans.Fin.Common;
using Orleans.Fin.Loans;
using Orleans.Fin.Payments;

namespace Orleans.Fin.Api.Endpoints;

/// <summary>Consumer loans: applications (decided by the credit model or an operator) and the loans they become.</summary>
public static class LoanEndpoints
{
    public const int MaxTermMonths = 360;

    public static readonly IReadOnlyList<string> Homes = ["rent", "owner", "parents", "priv", "other", "ignore"];
    public static readonly IReadOnlyList<string> MaritalStatuses = ["married", "single", "separated", "widow", "divorced"];
    public static readonly IReadOnlyList<string> Jobs = ["fixed", "freelance", "partime", "others"];

    public static IEndpointRouteBuilder MapLoanEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/loans").WithTags("Loans").RequireAuthorization();
        group.MapPost("/applications", ApplyForLoan).WithName(nameof(ApplyForLoan)).RequireAuthorization(AuthSetup.CustomerPolicy);
        group.MapPost("/{id}/review", ReviewLoan).WithName(nameof(ReviewLoan)).RequireAuthorization(AuthSetup.LoanReviewPolicy);
        group.MapGet("/{id}", GetLoan).WithName(nameof(GetLoan));
        group.MapPost("/{id}/accept", AcceptLoan).WithName(nameof(AcceptLoan)).RequireAuthorization(AuthSetup.CustomerPolicy);
        group.MapPost("/{id}/repayments", RepayLoan).WithName(nameof(RepayLoan)).RequireAuthorization(AuthSetup.CustomerPolicy);
        return routes;
    }

    public static async Task<Created<LoanDecisionResponse>> ApplyForLoan(
        LoanApplicationRequest request, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        Validate(request);
        user.EnsureOwner(request.CustomerId!);
        var application = new LoanApplication(
            request.CustomerId!, request.AccountId!, request.Amount!.Value, request.TermMonths!.Value, request.Purpose!.Trim(),
            request.Seniority!.Value, Normalise(request.Home), Normalise(request.MaritalStatus), Normalise(request.Job),
            request.Expenses!.Value, request.Income, request.Assets, request.Debt, request.Price!.Value, request.Records!.Value, user.Subject());
        var id = FinIds.New(IdPrefixes.Loan, clock.GetUtcNow());
        var view = await grains.GetGrain<ILoanGrain>(id).Apply(application);
        return TypedResults.Created($"/loans/{id}", LoanDecisionResponse.From(view));
    }

    public static async Task<Ok<LoanResponse>> ReviewLoan(string id, LoanReviewRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        new RequestValidator()
            .Check(request.Approve is not null, "approve", "approve is required (true or false).")
            .Optional("note", request.Note, 1000)
            .ThrowIfInvalid();
        await Load(grains, id, user);
        var view = await grains.GetGrain<ILoanGrain>(id).Review(new LoanReview(request.Approve!.Value, request.Note?.Trim(), user.Subject()));
        return TypedResults.Ok(LoanResponse.From(view).VisibleTo(user));
    }

    public static async Task<Ok<LoanResponse>> GetLoan(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(LoanResponse.From(await Load(grains, id, user)).VisibleTo(user));

    public static async Task<Ok<LoanResponse>> AcceptLoan(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var loan = await Load(grains, id, user);
        user.EnsureOwner(loan.CustomerId);
        return TypedResults.Ok(LoanResponse.From(await grains.GetGrain<ILoanGrain>(id).Accept(user.Subject())).VisibleTo(user));
    }

    public static async Task<Created<LoanRepaymentResponse>> RepayLoan(
        string id, LoanRepaymentRequest request, HttpRequest http, ClaimsPrincipal user, IGrainFactory grains, RequestKeys keys)
    {
        var key = RequestKeys.RequireIdempotencyKey(http);
        new RequestValidator().Amount("amount", request.Amount).ThrowIfInvalid();
        var loan = await Load(grains, id, user);
        user.EnsureOwner(loan.CustomerId);
        var subject = user.Subject();
        var movementId = keys.MovementId(MovementKind.LoanRepayment, subject, id + "\n" + key);
        var result = await grains.GetGrain<ILoanGrain>(id).Repay(new LoanRepaymentCommand(movementId, request.Amount!.Value, subject));
        return TypedResults.Created($"/loans/{id}", LoanRepaymentResponse.From(result));
    }

    /// <summary>A loan the caller may see: unknown ids, and other customers' loans, are refused.</summary>
    internal static async Task<LoanView> Load(IGrainFactory grains, string id, ClaimsPrincipal user)
    {
        var view = (FinIds.HasPrefix(id, IdPrefixes.Loan) ? await grains.GetGrain<ILoanGrain>(id).Get() : null) ?? throw FinException.NotFound("Loan");
        user.EnsureCanRead(view.CustomerId);
        return view;
    }

    private static void Validate(LoanApplicationRequest r) =>
        new RequestValidator()
            .Id("customerId", r.CustomerId, IdPrefixes.Customer)
            .Id("accountId", r.AccountId, IdPrefixes.Account)
            .Amount("amount", r.Amount)
            .Check(r.TermMonths is >= 1 and <= MaxTermMonths, "termMonths", $"termMonths must be between 1 and {MaxTermMonths}.")
            .Required("purpose", r.Purpose, 200)
            .Check(r.Seniority is >= 0 and <= 80, "seniority", "seniority must be a number of years between 0 and 80.")
            .Check(r.Home is null || Homes.Contains(Normalise(r.Home)), "home", $"home must be one of {string.Join(", ", Homes)} or null.")
            .Check(r.MaritalStatus is null || MaritalStatuses.Contains(Normalise(r.MaritalStatus)), "maritalStatus",
                $"maritalStatus must be one of {string.Join(", ", MaritalStatuses)} or null.")
            .Check(r.Job is null || Jobs.Contains(Normalise(r.Job)), "job", $"job must be one of {string.Join(", ", Jobs)} or null.")
            .MoneyFigure("expenses", r.Expenses, required: true)
            .MoneyFigure("income", r.Income, required: false)
            .MoneyFigure("assets", r.Assets, required: false)
            .MoneyFigure("debt", r.Debt, required: false)
            .MoneyFigure("price", r.Price, required: true, positive: true)
            .Check(r.Records is not null, "records", "records is required (true or false).")
            .ThrowIfInvalid();

    private static string? Normalise(string? value) => value?.Trim().ToLowerInvariant();
}
