using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Fin.Common;
using Orleans.Fin.Models.Training;

namespace Orleans.Fin.Models;

/// <summary>
/// One retraining job. <see cref="Start"/> records the job and returns; the training runs on the thread pool (off the
/// request path and off the grain's scheduler), and the job registers the result as the model's challenger. The job
/// state is durable: an activation that finds its job Queued or Running with nothing training (the silo died) starts
/// the same training again, which gives the same version (the data hash names it).
/// </summary>
[Reentrant]
public sealed partial class ModelTrainingJobGrain(
    [PersistentState("model-job", FinNames.Storage)] IPersistentState<ModelTrainingJobState> state,
    LabelledOutcomes outcomes,
    ModelLibrary library,
    IOptions<ModelLifecycleOptions> options,
    TimeProvider clock,
    ILogger<ModelTrainingJobGrain> logger) : Grain, IModelTrainingJobGrain
{
    private static readonly TimeSpan KeepAliveWhileTraining = TimeSpan.FromHours(1);

    private Task? _work;

    private ModelTrainingJobState Job => state.State;

    public async Task<TrainingJobView> Start(string model, string requestedBy)
    {
        if (!ModelNames.IsKnown(model))
        {
            throw new FinException(FinErrorCode.NotFound, $"There is no model named {model}.");
        }

        if (Job.Status.Length == 0)
        {
            Job.JobId = this.GetPrimaryKeyString();
            Job.Model = model;
            Job.Status = "Queued";
            Job.RequestedBy = requestedBy;
            Job.RequestedAt = clock.GetUtcNow();
            await state.WriteStateAsync();
        }

        EnsureRunning();
        return View()!;
    }

    public Task<TrainingJobView?> Get()
    {
        EnsureRunning();
        return Task.FromResult(View());
    }

    private void EnsureRunning()
    {
        if (Job.Status is "Queued" or "Running" && _work is null)
        {
            DelayDeactivation(KeepAliveWhileTraining);
            _work = RunAsync();
        }
    }

    private async Task RunAsync()
    {
        try
        {
            Job.Status = "Running";
            await state.WriteStateAsync();
            var settings = options.Value;
            var now = clock.GetUtcNow();
            var by = Job.RequestedBy; // the training thread must not touch grain state
            TrainedVersion trained;
            if (Job.Model == ModelNames.Fraud)
            {
                var labels = await outcomes.Fraud();
                trained = await Task.Run(() => FraudRetraining.Run(labels, settings, now, by));
            }
            else
            {
                var realised = await outcomes.Credit();
                trained = await Task.Run(() => CreditRetraining.Run(realised, settings, now, by));
            }

            library.Add(Job.Model, trained.Loaded);
            await GrainFactory.GetGrain<IModelRegistryGrain>(Job.Model).Register(trained.Registration, trained.Weights);
            Job.Status = "Succeeded";
            Job.Version = trained.Registration.Version;
            Job.Metrics = trained.Registration.Metrics.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
            Job.Labels = trained.Labels;
            LogTrained(logger, Job.JobId, Job.Model, trained.Registration.Version, trained.Labels, trained.Registration.TrainingSeconds);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FinException or InvalidDataException)
        {
            Job.Status = "Failed";
            Job.Error = e.Message;
            LogFailed(logger, Job.JobId, Job.Model, e.Message);
        }

        Job.FinishedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
    }

    private TrainingJobView? View() => Job.Status.Length == 0
        ? null
        : new TrainingJobView(Job.JobId, Job.Model, Job.Status, Job.RequestedBy, Job.RequestedAt, Job.FinishedAt, Job.Version, Job.Metrics, Job.Labels, Job.Error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {JobId}: {Model} challenger {Version} from {Labels} labels in {Seconds:0.0} s")]
    private static partial void LogTrained(ILogger logger, string jobId, string model, string version, int labels, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training job {JobId} for {Model} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string jobId, string model, string reason);
}

public sealed class ModelTrainingJobState
{
    public int SchemaVersion { get; set; } = 1;
    public string JobId { get; set; } = "";
    public string Model { get; set; } = "";

    /// <summary>Empty until started; then Queued, Running, Succeeded or Failed.</summary>
    public string Status { get; set; } = "";
    public string RequestedBy { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? Version { get; set; }
    public Dictionary<string, double>? Metrics { get; set; }
    public int Labels { get; set; }
    public string? Error { get; set; }
}
