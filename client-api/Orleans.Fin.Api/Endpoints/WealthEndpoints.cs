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
using Orleans.Fin.Payments;
using Orleans.Fin.Wealth;

namespace Orleans.Fin.Api.Endpoints;

/// <summary>Digital wealth management: the fund catalogue, managed portfolios, their orders, rebalancing and recommendations.</summary>
public static class WealthEndpoints
{
    public const int QuestionCount = 5;
    public const int MaxHorizonYears = 100;
    public const int DefaultNavDays = 30;
    public const int MaxNavDays = 2_600;

    public static readonly IReadOnlyList<string> Goals = ["Preservation", "Income", "Growth", "Retirement"];

    public static IEndpointRouteBuilder MapWealthEndpoints(this IEndpointRouteBuilder routes)
    {
        var products = routes.MapGroup("/products").WithTags("Wealth").RequireAuthorization();
        products.MapGet("/", ListProducts).WithName(nameof(ListProducts));
        products.MapGet("/{id}/navs", GetNavHistory).WithName(nameof(GetNavHistory));

        var portfolios = routes.MapGroup("/portfolios").WithTags("Wealth").RequireAuthorization();
        portfolios.MapPost("/", OpenPortfolio).WithName(nameof(OpenPortfolio)).RequireAuthorization(AuthSetup.CustomerPolicy);
        portfolios.MapGet("/{id}", GetPortfolio).WithName(nameof(GetPortfolio));
        portfolios.MapPost("/{id}/assessment", ReassessPortfolio).WithName(nameof(ReassessPortfolio)).RequireAuthorization(AuthSetup.CustomerPolicy);
        portfolios.MapPost("/{id}/subscriptions", Subscribe).WithName(nameof(Subscribe)).RequireAuthorization(AuthSetup.CustomerPolicy);
        portfolios.MapPost("/{id}/redemptions", Redeem).WithName(nameof(Redeem)).RequireAuthorization(AuthSetup.CustomerPolicy);
        portfolios.MapGet("/{id}/orders/{orderId}", GetOrder).WithName(nameof(GetOrder));
        portfolios.MapPost("/{id}/rebalance", RebalancePortfolio).WithName(nameof(RebalancePortfolio));
        portfolios.MapGet("/{id}/recommendations", GetRecommendations).WithName(nameof(GetRecommendations));
        portfolios.MapGet("/{id}/valuations", GetValuations).WithName(nameof(GetValuations));

        routes.MapGet("/customers/{id}/portfolios", ListCustomerPortfolios).WithName(nameof(ListCustomerPortfolios)).WithTags("Wealth")
            .RequireAuthorization();
        return routes;
    }

    public static async Task<Ok<IReadOnlyList<ProductView>>> ListProducts(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IMarketGrain>(0).GetProducts());

    public static async Task<Ok<IReadOnlyList<NavPoint>>> GetNavHistory(string id, int? days, IGrainFactory grains)
    {
        new RequestValidator().Check(days is null or (>= 1 and <= MaxNavDays), "days", $"days must be between 1 and {MaxNavDays}.").ThrowIfInvalid();
        var history = await grains.GetGrain<IMarketGrain>(0).GetNavHistory(id, days ?? DefaultNavDays) ?? throw FinException.NotFound("Product");
        return TypedResults.Ok(history);
    }

    public static async Task<Created<PortfolioView>> OpenPortfolio(PortfolioRequest request, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        new RequestValidator()
            .Id("customerId", request.CustomerId, IdPrefixes.Customer)
            .Id("accountId", request.AccountId, IdPrefixes.Account)
            .Assessment(request.Answers, request.Goal, request.HorizonYears)
            .ThrowIfInvalid();
        user.EnsureOwner(request.CustomerId!);
        var id = FinIds.New(IdPrefixes.Portfolio, clock.GetUtcNow());
        var view = await grains.GetGrain<IPortfolioGrain>(id).Open(new PortfolioOpening(
            request.CustomerId!, request.AccountId!, new RiskAnswers([.. request.Answers!], request.Goal!, request.HorizonYears!.Value), user.Subject()));
        return TypedResults.Created($"/portfolios/{id}", view);
    }

    public static async Task<Ok<PortfolioView>> GetPortfolio(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Load(grains, id, user));

    public static async Task<Ok<PortfolioView>> ReassessPortfolio(string id, AssessmentRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        new RequestValidator().Assessment(request.Answers, request.Goal, request.HorizonYears).ThrowIfInvalid();
        var portfolio = await Load(grains, id, user);
        user.EnsureOwner(portfolio.CustomerId);
        return TypedResults.Ok(await grains.GetGrain<IPortfolioGrain>(id)
            .Reassess(new RiskAnswers([.. request.Answers!], request.Goal!, request.HorizonYears!.Value)));
    }

    public static async Task<Created<FundOrderResult>> Subscribe(
        string id, SubscriptionRequest request, HttpRequest http, ClaimsPrincipal user, IGrainFactory grains, RequestKeys keys)
    {
        var key = RequestKeys.RequireIdempotencyKey(http);
        new RequestValidator().Amount("amount", request.Amount).Optional("productId", request.ProductId, 32).ThrowIfInvalid();
        var portfolio = await Load(grains, id, user);
        user.EnsureOwner(portfolio.CustomerId);
        var subject = user.Subject();
        var order = new FundOrder(
            keys.MovementId(MovementKind.FundSubscription, subject, id + "\n" + key),
            RequestKeys.Fingerprint("subscription", id, request.Amount, request.ProductId), request.Amount!.Value, request.ProductId, subject);
        var result = await grains.GetGrain<IPortfolioGrain>(id).Subscribe(order);
        return TypedResults.Created($"/portfolios/{id}/orders/{result.Id}", result);
    }

    public static async Task<Created<FundOrderResult>> Redeem(
        string id, RedemptionRequest request, HttpRequest http, ClaimsPrincipal user, IGrainFactory grains, RequestKeys keys)
    {
        var key = RequestKeys.RequireIdempotencyKey(http);
        new RequestValidator().Amount("amount", request.Amount).ThrowIfInvalid();
        var portfolio = await Load(grains, id, user);
        user.EnsureOwner(portfolio.CustomerId);
        var subject = user.Subject();
        var order = new FundOrder(
            keys.MovementId(MovementKind.FundRedemption, subject, id + "\n" + key),
            RequestKeys.Fingerprint("redemption", id, request.Amount), request.Amount!.Value, null, subject);
        var result = await grains.GetGrain<IPortfolioGrain>(id).Redeem(order);
        return TypedResults.Created($"/portfolios/{id}/orders/{result.Id}", result);
    }

    public static async Task<Ok<FundOrderResult>> GetOrder(string id, string orderId, ClaimsPrincipal user, IGrainFactory grains)
    {
        await Load(grains, id, user);
        return TypedResults.Ok(await grains.GetGrain<IPortfolioGrain>(id).GetOrder(orderId) ?? throw FinException.NotFound("Order"));
    }

    /// <summary>The customer, or an operator for them, brings the portfolio back to target now (202: the period's rebalance).</summary>
    public static async Task<Accepted<RebalanceOutcome>> RebalancePortfolio(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        await Load(grains, id, user);
        var outcome = await grains.GetGrain<IPortfolioGrain>(id).Rebalance(user.Subject());
        return TypedResults.Accepted($"/portfolios/{id}", outcome);
    }

    public static async Task<Ok<IReadOnlyList<RecommendationView>>> GetRecommendations(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        await Load(grains, id, user);
        return TypedResults.Ok(await grains.GetGrain<IPortfolioGrain>(id).Recommend());
    }

    public static async Task<Ok<IReadOnlyList<ValuationView>>> GetValuations(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        await Load(grains, id, user);
        return TypedResults.Ok(await grains.GetGrain<IPortfolioGrain>(id).GetValuations());
    }

    /// <summary>The customer's portfolios, valued at today's NAVs (the customer or staff).</summary>
    public static async Task<Ok<IReadOnlyList<PortfolioView>>> ListCustomerPortfolios(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        user.EnsureCanRead(id);
        var customer = (FinIds.HasPrefix(id, IdPrefixes.Customer) ? await grains.GetGrain<ICustomerGrain>(id).Get() : null)
            ?? throw FinException.NotFound("Customer");
        var views = await Task.WhenAll((customer.PortfolioIds ?? []).Select(p => grains.GetGrain<IPortfolioGrain>(p).Get()));
        IReadOnlyList<PortfolioView> portfolios = [.. views.OfType<PortfolioView>()];
        return TypedResults.Ok(portfolios);
    }

    /// <summary>A portfolio the caller may see: unknown ids, and other customers' portfolios, are refused.</summary>
    internal static async Task<PortfolioView> Load(IGrainFactory grains, string id, ClaimsPrincipal user)
    {
        var view = (FinIds.HasPrefix(id, IdPrefixes.Portfolio) ? await grains.GetGrain<IPortfolioGrain>(id).Get() : null)
            ?? throw FinException.NotFound("Portfolio");
        user.EnsureCanRead(view.CustomerId);
        return view;
    }

    private static RequestValidator Assessment(this RequestValidator validator, IReadOnlyList<int>? answers, string? goal, int? horizonYears) =>
        validator
            .Check(answers is { Count: QuestionCount } && answers.All(a => a is >= 1 and <= 5), "answers", $"answers must be {QuestionCount} whole numbers, each 1 to 5.")
            .OneOf("goal", goal, Goals)
            .Check(horizonYears is >= 0 and <= MaxHorizonYears, "horizonYears", $"horizonYears must be between 0 and {MaxHorizonYears}.");
}
