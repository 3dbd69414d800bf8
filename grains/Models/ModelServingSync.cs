using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Orleans.Fin.Models;

/// <summary>
/// Keeps this silo's <see cref="ModelServing"/> on the registry's serving state: every
/// <see cref="ModelLifecycleOptions.PollInterval"/> it asks each model's registry what to serve, loads a changed
/// version from grain storage (checking its weights hash) and switches, with no restart; then it reports the shadow
/// tallies counted since the last round to the model's monitor. A failed round changes nothing and is retried.
/// </summary>
public sealed partial class ModelServingSync(
    IGrainFactory grains,
    ModelServing serving,
    ModelLibrary library,
    ShadowRecorder recorder,
    IOptions<ModelLifecycleOptions> options,
    ILogger<ModelServingSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var name in ModelNames.All)
            {
                try
                {
                    await FollowAsync(name);
                    await ReportAsync(name);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRoundFailed(logger, name, e.Message);
                }
            }
        }
    }

    /// <summary>Switches to the registry's champion and challenger if they changed; returns the generation now served.</summary>
    public async Task<long> FollowAsync(string name)
    {
        var state = await grains.GetGrain<IModelRegistryGrain>(name).Serving();
        var current = serving.Of(name);
        if (current.Generation == state.Generation && current.Generation != 0)
        {
            return current.Generation;
        }

        var champion = await library.Get(name, state.ChampionVersion, state.ChampionWeightsHash);
        var challenger = state.ChallengerVersion is { } version ? await library.Get(name, version, state.ChallengerWeightsHash!) : null;
        serving.Switch(name, new ServedModels(state.Generation, champion, challenger, state.ChallengerTrafficShare));
        if (current.Champion.Version != champion.Version || current.Challenger?.Version != challenger?.Version)
        {
            LogSwitched(logger, name, champion.Version, challenger?.Version ?? "none", state.ChallengerTrafficShare);
        }

        return state.Generation;
    }

    private async Task ReportAsync(string name)
    {
        var tallies = recorder.Drain(name);
        if (tallies.Count == 0)
        {
            return;
        }

        try
        {
            await grains.GetGrain<IModelMonitorGrain>(name).Report(tallies);
        }
        catch
        {
            recorder.Restore(name, tallies);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Model} now served: champion {Champion}, challenger {Challenger} at traffic share {Share}")]
    private static partial void LogSwitched(ILogger logger, string model, string champion, string challenger, double share);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {Model}: following the registry failed ({Reason}); retrying next round")]
    private static partial void LogRoundFailed(ILogger logger, string model, string reason);
}
