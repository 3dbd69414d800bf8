namespace Orleans.Fin.Credit.Model;

/// <summary>One bin of the calibration table: predictions of a PD range against what happened.</summary>
public sealed record CalibrationBin(int Bin, int Count, double MinPd, double MaxPd, double MeanPredictedPd, double ObservedDefaultRate);
