namespace Orleans.Fin.Credit.Model;

/// <summary>
/// Validation metrics from stratified k-fold cross-validation, computed on the pooled out-of-fold predictions
/// (every record predicted by the model that did not see it). <see cref="AucPerFoldStdDev"/> is the spread of the
/// per-fold AUCs. <see cref="Accuracy"/> is at <see cref="Cutoff"/> (PD above it predicts a default).
/// </summary>
public sealed record CreditModelMetrics(
    int Folds,
    int Records,
    double Auc,
    double AucPerFoldStdDev,
    double Ks,
    double Cutoff,
    double Accuracy,
    double AccuracyAtHalf,
    double Brier,
    IReadOnlyList<CalibrationBin> Calibration);
