namespace Orleans.Fin.Models;

/// <summary>Loans whose predicted PD fell in [<paramref name="From"/>, <paramref name="To"/>): their mean PD and how many defaulted.</summary>
[GenerateSerializer, Immutable, Alias("fin.PdBandBackTest")]
public sealed record PdBandBackTest(double From, double To, long Count, long Defaults, double? MeanPredictedPd, double? RealisedDefaultRate);
