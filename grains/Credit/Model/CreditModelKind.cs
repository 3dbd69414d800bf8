namespace Orleans.Fin.Credit.Model;

/// <summary>The learners the credit model is trained with.</summary>
public enum CreditModelKind
{
    /// <summary>L-BFGS logistic regression on one-hot categoricals and normalised numerics (a scorecard).</summary>
    LogisticRegression,

    /// <summary>FastTree gradient-boosted decision trees on the same features.</summary>
    FastTree,
}
