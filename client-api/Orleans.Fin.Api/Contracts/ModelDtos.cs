namespace Orleans.Fin.Api.Contracts;

/// <summary><c>POST /ops/models/{name}/promote</c>: the version to make champion, why, and whether to override the gate.</summary>
public sealed record PromoteRequest(string? Version, string? Note, bool? Override);

/// <summary><c>POST /ops/models/{name}/traffic</c>: the challenger's share of live decisions (0 = shadow only, at most 0.5).</summary>
public sealed record TrafficShareRequest(string? Version, double? Share);

/// <summary>The answer to a retraining request: poll <c>GET /ops/models/jobs/{jobId}</c>.</summary>
public sealed record RetrainAccepted(string JobId);
