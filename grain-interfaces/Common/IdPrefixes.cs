namespace Orleans.Fin.Common;

/// <summary>Prefixes of the platform's identifiers.</summary>
public static class IdPrefixes
{
    public const string Customer = "cus";
    public const string Account = "acc";
    public const string Payment = "pay";
    public const string Deposit = "dep";
    public const string Withdrawal = "wdr";
    public const string SystemAccount = "sys";
    public const string RiskCase = "case";
    public const string RiskAlert = "alert";
    public const string Loan = "loan";
    public const string LoanRepayment = "lrp";
    public const string Portfolio = "pf";
    public const string FundSubscription = "sub";
    public const string FundRedemption = "rdm";
}
