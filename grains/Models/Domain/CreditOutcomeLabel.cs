namespace Orleans.Fin.Models.Domain;

/// <summary>
/// What a loan's status says about its outcome, the label credit retraining learns from: NonPerforming on the business
/// clock is a default (and stays one even if the loan is later repaid), Closed without having defaulted is a good loan,
/// any other status is not an outcome yet.
/// </summary>
public static class CreditOutcomeLabel
{
    /// <summary>True for a default, false for a repaid loan, null while the outcome is open.</summary>
    public static bool? Of(string loanStatus) => loanStatus switch
    {
        "NonPerforming" => true,
        "Closed" => false,
        _ => null,
    };

    /// <summary>Whether a new label replaces the one recorded: a default is never relabelled.</summary>
    public static bool Replaces(bool? recordedDefaulted, bool newDefaulted) => recordedDefaulted != true && recordedDefaulted != newDefaulted;
}
