using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans.Fin.Api.Contracts;
using Orleans.Fin.Api.Hosting;
using Orleans.Fin.Api.Infrastructure;
using Orleans.Fin.Common;
using Orleans.Fin.Models;

namespace Orleans.Fin.Api.Endpoints;

/// <summary>
/// The model lifecycle: versions with live metrics and drift, retraining jobs, maker-checker promotion and the
/// challenger's traffic share. Reading is for staff; changing is for risk officers and admins.
/// </summary>
public static class ModelEndpoints
{
    public const int MaxNoteLength = 2000;

    public static IEndpointRouteBuilder MapModelEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/ops/models").WithTags("Models").RequireAuthorization(AuthSetup.StaffPolicy);
        group.MapGet("", GetModels).WithName(nameof(GetModels));
        group.MapGet("/{name}", GetModel).WithName(nameof(GetModel));
        group.MapPost("/{name}/retrain", Retrain).WithName(nameof(Retrain)).RequireAuthorization(AuthSetup.RiskDecisionPolicy);
        group.MapGet("/jobs/{jobId}", GetJob).WithName(nameof(GetJob));
        group.MapPost("/{name}/promote", Promote).WithName(nameof(Promote)).RequireAuthorization(AuthSetup.RiskDecisionPolicy);
        group.MapPost("/{name}/traffic", SetTraffic).WithName(nameof(SetTraffic)).RequireAuthorization(AuthSetup.RiskDecisionPolicy);
        return routes;
    }

    public static async Task<Ok<IReadOnlyList<ModelView>>> GetModels(IGrainFactory grains)
    {
        var views = await Task.WhenAll(ModelNames.All.Select(name => grains.GetGrain<IModelRegistryGrain>(name).Get()));
        return TypedResults.Ok<IReadOnlyList<ModelView>>(views);
    }

    public static async Task<Ok<ModelView>> GetModel(string name, IGrainFactory grains) =>
        TypedResults.Ok(await Registry(grains, name).Get());

    public static async Task<Accepted<RetrainAccepted>> Retrain(string name, ClaimsPrincipal user, IGrainFactory grains)
    {
        Known(name);
        var jobId = $"job_{Guid.NewGuid():N}";
        await grains.GetGrain<IModelTrainingJobGrain>(jobId).Start(name, user.Subject());
        return TypedResults.Accepted($"/ops/models/jobs/{jobId}", new RetrainAccepted(jobId));
    }

    public static async Task<Ok<TrainingJobView>> GetJob(string jobId, IGrainFactory grains)
    {
        new RequestValidator().Check(jobId.StartsWith("job_", StringComparison.Ordinal) && jobId.Length <= 64, "jobId", "jobId is not a training job id.").ThrowIfInvalid();
        var job = await grains.GetGrain<IModelTrainingJobGrain>(jobId).Get() ?? throw FinException.NotFound("Training job");
        return TypedResults.Ok(job);
    }

    public static async Task<Results<Ok<PromotionResult>, Accepted<PromotionResult>>> Promote(string name, PromoteRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        new RequestValidator()
            .Required("version", request.Version, 100)
            .Optional("note", request.Note, MaxNoteLength)
            .Check(request.Override != true || !string.IsNullOrWhiteSpace(request.Note), "note", "Overriding the promotion gate needs a note.")
            .ThrowIfInvalid();
        var result = await Registry(grains, name).Promote(request.Version!.Trim(), request.Note?.Trim() ?? "", request.Override ?? false, user.Subject());
        return result.Status == "Promoted" ? TypedResults.Ok(result) : TypedResults.Accepted((string?)null, result);
    }

    public static async Task<Ok<ModelServingState>> SetTraffic(string name, TrafficShareRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        new RequestValidator()
            .Required("version", request.Version, 100)
            .Check(request.Share is >= 0 and <= 0.5, "share", "share must be between 0 and 0.5.")
            .ThrowIfInvalid();
        return TypedResults.Ok(await Registry(grains, name).SetTrafficShare(request.Version!.Trim(), request.Share!.Value, user.Subject()));
    }

    private static IModelRegistryGrain Registry(IGrainFactory grains, string name) => grains.GetGrain<IModelRegistryGrain>(Known(name));

    private static string Known(string name) =>
        ModelNames.IsKnown(name) ? name : throw new FinException(FinErrorCode.NotFound, $"There is no model named {name}; the models are {string.Join(", ", ModelNames.All)}.");
}
