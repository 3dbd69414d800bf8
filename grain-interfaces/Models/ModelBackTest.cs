namespace Orleans.Fin.Models;

/// <summary>
/// A version's back-test on labelled outcomes. Credit: predicted PD against the realised default rate per PD band.
/// Fraud: precision and recall at each serving threshold of the model's probability. Ratios are null where undefined.
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.ModelBackTest")]
public sealed record ModelBackTest(long Count, long Positives, IReadOnlyList<PdBandBackTest> PdBands, IReadOnlyList<ThresholdBackTest> Thresholds);
