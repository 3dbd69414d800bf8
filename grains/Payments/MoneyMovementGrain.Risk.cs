using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Risk;

namespace Orleans.Fin.Payments;

/// <summary>Inline pre-authorisation of payments by the payer's risk grain, after the accounts are known and before the write-ahead.</summary>
public sealed partial class MoneyMovementGrain
{
    /// <summary>
    /// Asks the payer's risk grain about a planned payment and records its score, level and reasons. High risk declines
    /// it (RiskDeclined) and medium risk or an unbound device asks for a one-time code (ChallengeRequired); neither keeps
    /// any leg, so no money moves until a repeated request with the right code is allowed.
    /// </summary>
    private async Task PreAuthorise(MovementState m, string? otp)
    {
        if (m.Kind != MovementKind.Payment || m.Status != MovementStatus.Pending || m.PayerCustomerId is null)
        {
            return;
        }

        if (S.Exists)
        {
            m.CreatedAt = S.CreatedAt; // a challenged payment taken up again keeps its creation time
        }

        var check = new PaymentCheck(
            Id, m.Amount, m.Currency, m.FromAccountId!, m.ToAccountId!, m.Channel, m.DeviceId, m.Ip, m.Country, m.City, m.MerchantCategory,
            clock.GetUtcNow(), otp);
        var assessment = await GrainFactory.Get<IRiskGrain>(m.PayerCustomerId).AssessPayment(check);
        m.RiskScore = assessment.Score;
        m.RiskLevel = assessment.Level;
        m.Reasons = [.. assessment.Reasons];
        if (assessment.Decision == PaymentDecision.Allow)
        {
            return;
        }

        m.Legs = [];
        m.Status = assessment.Decision == PaymentDecision.Decline ? MovementStatus.Declined : MovementStatus.ChallengeRequired;
        m.DeclineReason = assessment.Decision == PaymentDecision.Decline ? DeclineReason.RiskDeclined : null;
        m.CompletedAt = assessment.Decision == PaymentDecision.Decline ? clock.GetUtcNow() : null;
    }
}
