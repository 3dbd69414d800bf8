namespace Orleans.Fin.Models;

/// <summary>Fraud calls at a probability threshold (<paramref name="Name"/> says what the engine does there).</summary>
[GenerateSerializer, Immutable, Alias("fin.ThresholdBackTest")]
public sealed record ThresholdBackTest(string Name, double Threshold, long Flagged, long TruePositives, double? Precision, double? Recall);
