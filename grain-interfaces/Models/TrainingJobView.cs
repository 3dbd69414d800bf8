namespace Orleans.Fin.Models;

/// <summary>
/// A retraining job: <c>Queued</c>, <c>Running</c>, <c>Succeeded</c> (with the challenger's version and metrics) or
/// <c>Failed</c> (with the reason). <paramref name="Labels"/> counts the labelled examples added to the shipped data.
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.TrainingJobView")]
public sealed record TrainingJobView(
    string JobId,
    string Model,
    string Status,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset? FinishedAt,
    string? Version,
    IReadOnlyDictionary<string, double>? Metrics,
    int Labels,
    string? Error);
