namespace Orleans.Fin.Risk;

/// <summary>Event-to-freeze times in milliseconds: median and 99th percentile (nearest rank) of the latest samples.</summary>
[GenerateSerializer, Immutable, Alias("fin.FreezeTimes")]
public sealed record FreezeTimes(double? P50, double? P99, long Samples);
