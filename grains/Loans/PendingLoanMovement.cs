using Orleans.Fin.Loans.Domain;

namespace Orleans.Fin.Loans;

/// <summary>
/// A movement the loan decided and recorded before any money moved: its key, what it is, the exact amount and the
/// request fingerprint, so that a retry, the reminder or the next call replays exactly this movement and applies its
/// outcome once.
/// </summary>
public sealed class PendingLoanMovement
{
    public string MovementId { get; set; } = "";
    public LoanMovementKind Kind { get; set; }
    public decimal Amount { get; set; }
    public string RequestHash { get; set; } = "";
    public string Channel { get; set; } = "";

    /// <summary>The business day it was decided: repayments are allocated, and a schedule starts, as of this day.</summary>
    public DateOnly DecidedOn { get; set; }
}
