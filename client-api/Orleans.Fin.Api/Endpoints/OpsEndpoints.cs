using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans.Fin.Accounts;
using Orleans.Fin.Api.Contracts;
using Orleans.Fin.Api.Hosting;
using Orleans.Fin.Loans;
using Orleans.Fin.Risk;

namespace Orleans.Fin.Api.Endpoints;

/// <summary>Operational indicators for staff.</summary>
public static class OpsEndpoints
{
    public static IEndpointRouteBuilder MapOpsEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/ops").WithTags("Operations").RequireAuthorization(AuthSetup.StaffPolicy);
        group.MapGet("/kpis", GetKpis).WithName(nameof(GetKpis));
        group.MapGet("/ledger/integrity", GetLedgerIntegrity).WithName(nameof(GetLedgerIntegrity))
            .RequireAuthorization(AuthSetup.LedgerIntegrityPolicy);
        routes.MapModelEndpoints();
        return routes;
    }

    public static async Task<Ok<KpiResponse>> GetKpis(IGrainFactory grains)
    {
        var risk = grains.GetGrain<IRiskKpiGrain>(RiskGrainKeys.Global).Get();
        var loans = grains.GetGrain<ILoanPortfolioGrain>(ILoanPortfolioGrain.Key).Get();
        return TypedResults.Ok(KpiResponse.From(await risk, await loans));
    }

    /// <summary>Every account's balance summed per currency (0 when no money was created or lost) and the movements not yet final.</summary>
    public static async Task<Ok<LedgerIntegrity>> GetLedgerIntegrity(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ILedgerIntegrityGrain>(0).Check());
}
