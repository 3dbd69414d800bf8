namespace Orleans.Fin.Common;

/// <summary>The platform's business clock as seen by operators.</summary>
[GenerateSerializer, Immutable, Alias("fin.BusinessClockView")]
public sealed record BusinessClockView(DateTimeOffset Now, bool Simulated);
