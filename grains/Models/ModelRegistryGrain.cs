using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Fin.Common;
using Orleans.Fin.Models.Domain;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Models;

/// <summary>
/// The registry of one model (key "fraud" or "credit"). On its first activation it registers the shipped versions
/// (their exact bytes go to grain storage; nothing is trained). Retraining registers challengers; promotion is
/// maker-checker behind the promotion gate; every change bumps the generation the silos follow.
/// </summary>
public sealed partial class ModelRegistryGrain(
    [PersistentState("model-registry", FinNames.Storage)] IPersistentState<ModelRegistryState> state,
    ModelLibrary library,
    LabelledOutcomes outcomes,
    IOptions<ModelLifecycleOptions> options,
    IOptions<RiskOptions> riskOptions,
    TimeProvider clock,
    ILogger<ModelRegistryGrain> logger) : Grain, IModelRegistryGrain
{
    private ModelRegistryState Registry => state.State;

    private string Name => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!ModelNames.IsKnown(Name) || Registry.Versions.Count > 0)
        {
            return;
        }

        foreach (var shipped in await Task.Run(() => ShippedModels.Of(Name), cancellationToken))
        {
            await GrainFactory.GetGrain<IModelWeightsGrain>(IModelWeightsGrain.KeyOf(Name, shipped.Registration.Version)).Put(shipped.Weights);
            library.Add(Name, shipped.Loaded);
            Add(shipped.Registration);
        }

        Registry.Generation = 1;
        await state.WriteStateAsync(cancellationToken);
        LogSeeded(logger, Name, string.Join(", ", Registry.Versions.Select(v => $"{v.Version} ({v.Role})")));
    }

    public Task<ModelServingState> Serving()
    {
        EnsureKnown();
        return Task.FromResult(ServingState());
    }

    public async Task Register(ModelRegistration registration, ModelWeights weights)
    {
        EnsureKnown();
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(weights);
        if (ModelCodec.Sha256(weights.Model) != registration.WeightsHash)
        {
            throw new FinException(FinErrorCode.Validation, $"The weights of {registration.Version} do not match its weights hash.");
        }

        if (Registry.Versions.Exists(v => v.Version == registration.Version))
        {
            return;
        }

        await GrainFactory.GetGrain<IModelWeightsGrain>(IModelWeightsGrain.KeyOf(Name, registration.Version)).Put(weights);
        Add(registration);
        Registry.Generation++;
        await state.WriteStateAsync();
        LogRegistered(logger, Name, registration.Version, registration.DataHash, registration.WeightsHash);
    }

    public async Task<PromotionResult> Promote(string version, string note, bool @override, string by)
    {
        EnsureKnown();
        var candidate = Find(version);
        if (candidate.Role == ModelRole.Champion)
        {
            throw new FinException(FinErrorCode.Conflict, $"{version} is already the champion of {Name}.");
        }

        var gate = await JudgeAsync(candidate, @override, note);
        if (!gate.Passed)
        {
            throw new FinException(FinErrorCode.BusinessRule, $"The promotion gate refuses {version}: {gate.Detail} Promote with override and a note to accept it anyway.");
        }

        switch (MakerChecker.Next(Registry.Pending?.Version, Registry.Pending?.RequestedBy, version, by))
        {
            case PromotionStep.SameSubject:
                throw new FinException(FinErrorCode.Forbidden, $"{by} asked for this promotion; a different member of staff must approve it.");
            case PromotionStep.Request:
                Registry.Pending = new StoredPendingPromotion { Version = version, RequestedBy = by, RequestedAt = clock.GetUtcNow(), Note = note, Override = @override };
                await state.WriteStateAsync();
                LogRequested(logger, Name, version, by);
                return new PromotionResult("PendingApproval", version, by, null, View(gate));
        }

        var maker = Registry.Pending!;
        var roster = ModelRoster.Promote(Roster(), version);
        Apply(roster);
        candidate.PromotedAt = clock.GetUtcNow();
        candidate.PromotedBy = maker.RequestedBy;
        candidate.ApprovedBy = by;
        candidate.PromotionNote = string.IsNullOrWhiteSpace(note) ? maker.Note : $"{maker.Note} / {note}";
        Registry.Pending = null;
        Registry.MissingTargetSince = null;
        Registry.Generation++;
        await state.WriteStateAsync();
        LogPromoted(logger, Name, version, maker.RequestedBy, by, gate.Overridden);
        return new PromotionResult("Promoted", version, maker.RequestedBy, by, View(gate));
    }

    public async Task<ModelServingState> SetTrafficShare(string version, double share, string by)
    {
        EnsureKnown();
        Find(version);
        var (roster, problem) = ModelRoster.ShareTraffic(Roster(), version, share);
        if (roster is null)
        {
            throw new FinException(FinErrorCode.BusinessRule, problem!);
        }

        Apply(roster);
        Registry.Generation++;
        await state.WriteStateAsync();
        LogShare(logger, Name, version, share, by);
        return ServingState();
    }

    private void Add(ModelRegistration registration)
    {
        var roster = ModelRoster.Register(Roster(), registration.Version);
        Registry.Versions.Add(StoredModelVersion.From(registration));
        Apply(roster);
    }

    private IReadOnlyList<RosterEntry> Roster() => [.. Registry.Versions.Select(v => new RosterEntry(v.Version, v.Role, v.TrafficShare))];

    private void Apply(IReadOnlyList<RosterEntry> roster)
    {
        foreach (var entry in roster)
        {
            var stored = Registry.Versions.Find(v => v.Version == entry.Version);
            if (stored is not null)
            {
                stored.Role = entry.Role;
                stored.TrafficShare = entry.TrafficShare;
            }
        }
    }

    private StoredModelVersion Find(string version) =>
        Registry.Versions.Find(v => v.Version == version) ?? throw new FinException(FinErrorCode.NotFound, $"Model {Name} has no version {version}.");

    private StoredModelVersion Champion => Registry.Versions.Single(v => v.Role == ModelRole.Champion);

    private ModelServingState ServingState()
    {
        var champion = Champion;
        var challenger = Registry.Versions.Find(v => v.Role == ModelRole.Challenger);
        return new ModelServingState(Name, Registry.Generation, champion.Version, champion.WeightsHash, challenger?.Version, challenger?.WeightsHash, challenger?.TrafficShare ?? 0);
    }

    private void EnsureKnown()
    {
        if (!ModelNames.IsKnown(Name))
        {
            throw new FinException(FinErrorCode.NotFound, $"There is no model named {Name}.");
        }
    }

    private static PromotionGateView View(GateDecision gate) =>
        new(gate.Passed, gate.Overridden, gate.Basis, "auc", gate.Candidate, gate.Champion, gate.LabelledCount, gate.Detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Model}: registered the shipped versions {Versions}")]
    private static partial void LogSeeded(ILogger logger, string model, string versions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Model}: registered challenger {Version} (data {DataHash}, weights {WeightsHash})")]
    private static partial void LogRegistered(ILogger logger, string model, string version, string dataHash, string weightsHash);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Model}: promotion of {Version} requested by {By}")]
    private static partial void LogRequested(ILogger logger, string model, string version, string by);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {Model}: {Version} promoted to champion, requested by {Maker}, approved by {Checker} (gate overridden: {Overridden})")]
    private static partial void LogPromoted(ILogger logger, string model, string version, string maker, string checker, bool overridden);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Model}: challenger {Version} given traffic share {Share} by {By}")]
    private static partial void LogShare(ILogger logger, string model, string version, double share, string by);
}
