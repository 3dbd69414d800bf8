namespace Orleans.Fin.Credit.Model;

/// <summary>The champion decides; the challenger is trained and validated the same way, for comparison.</summary>
public enum CreditModelRole
{
    Champion,
    Challenger,
}
