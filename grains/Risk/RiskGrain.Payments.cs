using System.Security.Cryptography;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Notifications;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk.Control;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>
/// Inline pre-authorisation: a payment is scored before money moves. High declines it and escalates (freeze, case,
/// alert); a large payment to a watched beneficiary, or a second large transfer to a new payee soon after an unusual
/// first one to it (<see cref="SecondLargeTransferPolicy"/>), is held; otherwise <see cref="PaymentStepUpPolicy"/> decides whether
/// a one-time code is sent to the bound phone.
/// A code expires, allows <see cref="RiskControlOptions.OtpMaxAttempts"/> wrong attempts and is accepted once.
/// </summary>
public sealed partial class RiskGrain
{
    private const int SaltBytes = 16;
    private static readonly TimeSpan ChallengeRetention = TimeSpan.FromHours(1);

    public async Task<PaymentAssessment> AssessPayment(PaymentCheck check)
    {
        await SettleUnansweredWritesAsync(); // after a failed write: nothing is decided on a copy another writer replaced
        var now = clock.GetUtcNow();
        await MatureDecisionsAsync(now);
        var (boundDevices, maskedPhone) = await KeptCustomerAsync();
        var bound = check.DeviceId is { } device && boundDevices.Contains(device, StringComparer.Ordinal);
        var boundAt = bound ? BoundAt(check.DeviceId!) : null;
        var candidate = new PaymentCandidate(
            check.MovementId, check.Amount, check.Currency, check.FromAccountId, check.ToAccountId, check.Channel, check.DeviceId, bound,
            check.Ip, check.Country, check.City, check.MerchantCategory, check.At, boundAt);
        var verdict = scorer.ScorePayment(Current.Profile, candidate);
        Current.ModelVersion = verdict.ModelVersion;
        FinMetrics.RiskDecisions.Add(1, new("source", "payment"), new("level", verdict.Level.ToString()));
        var countedBefore = Flagged(now);
        var score = RiskScoreRules.AfterVerdict(Current.Score, Current.ScoredAt, verdict.Score, now, Control.ScoreHalfLife);
        if (score != Current.Score)
        {
            Current.Score = score;
            Current.ScoredAt = now;
        }

        Current.Explained = FlaggedSenderPolicy.AfterAttempt(Current.Explained, verdict.Level, check.MovementId, countedBefore);

        List<string> reasons = [.. verdict.Reasons];
        var trigger = $"Payment {check.MovementId} of {check.Amount} {check.Currency} to {check.ToAccountId}";
        var watched = await ConsultBeneficiaryWatchAsync(check, verdict, now);
        if (verdict.Level == RiskLevel.High)
        {
            Flag(verdict.Reasons);
            RecordSignal(now, "payment", $"{trigger}: {Reasons(verdict.Reasons)}", verdict.Score, verdict.Level);
            Decided(PaymentDecision.Decline, verdict, check, candidate, reasons);
            var features = FeatureSnapshot.Of(Current.Profile, candidate);
            await EscalateAsync(Snapshot(verdict, features), trigger, check.At, check.MovementId, RiskGrainKeys.Engine, byEngine: true, freeze: true);
            await SaveAsync();
            return Answer(PaymentDecision.Decline, verdict, reasons);
        }

        var amountCny = RiskCurrency.ToCny(check.Amount, check.Currency);
        var toWatched = BeneficiaryRiskPolicy.ForWatchedPayee(watched, amountCny, thresholds.Value);
        if (toWatched == PaymentDecision.Decline)
        {
            return await HoldForCallAsync(
                check, candidate, verdict, reasons, RiskReasons.WatchedBeneficiary, "paid-watched-beneficiary", $"{trigger}: the payee is a suspected scam collector", now);
        }

        if (SecondLargeTransferPolicy.HoldsForCall(
            Current.Profile, check.MovementId, check.ToAccountId, check.MerchantCategory is not null, amountCny, check.At, thresholds.Value))
        {
            return await HoldForCallAsync(
                check, candidate, verdict, reasons, RiskReasons.SecondLargeTransfer, "second-large-transfer",
                $"{trigger}: another large transfer to a new payee soon after an unusual first one to it", now);
        }

        var freshlyBound = DeviceBindingPolicy.IsFresh(boundAt, check.At, thresholds.Value);
        var stepUps = PaymentStepUpPolicy.Reasons(verdict.Level, bound, freshlyBound, Current.StepUpUntil > now, toWatched == PaymentDecision.Challenge);
        if (stepUps.Count == 0)
        {
            Decided(PaymentDecision.Allow, verdict, check, candidate, reasons);
            return Answer(PaymentDecision.Allow, verdict, reasons);
        }

        reasons.AddRange(stepUps);
        if (PaymentStepUpPolicy.WarrantsContact(verdict.Level, verdict.Reasons))
        {
            Flag(verdict.Reasons);
            RecordSignal(now, "payment", $"{trigger}: {Reasons(verdict.Reasons)}", verdict.Score, verdict.Level);
            await StepUpAndContactAsync(trigger, verdict.Reasons, now);
        }

        var decision = await ChallengeAsync(check, maskedPhone, reasons, now);
        if (decision == PaymentDecision.Challenge)
        {
            RememberAttempt(check, now);
        }

        Decided(decision, verdict, check, candidate, reasons);
        await SaveAsync();
        return Answer(decision, verdict, reasons);
    }

    /// <summary>Checks the code the client repeated the payment with, or sends one. Appends the outcome to <paramref name="reasons"/>.</summary>
    private async Task<PaymentDecision> ChallengeAsync(PaymentCheck check, string maskedPhone, List<string> reasons, DateTimeOffset now)
    {
        Current.Challenges.RemoveAll(c => c.ExpiresAt + ChallengeRetention < now && c.MovementId != check.MovementId);
        var challenge = Current.Challenges.Find(c => c.MovementId == check.MovementId);

        // The customer's allowance of codes and wrong answers spans all its payments and device bindings.
        var guard = GrainFactory.GetGrain<IStepUpGuardGrain>(CustomerId);
        if (!(await guard.Check()).Open)
        {
            return StepUpLocked(reasons);
        }

        var verified = OneTimeCodes.Verify(challenge, check.Otp, now, Control.OtpMaxAttempts);
        if (verified is OtpCheck.Wrong or OtpCheck.Exhausted && !(await guard.WrongAnswer(check.MovementId)).Open)
        {
            return StepUpLocked(reasons);
        }

        switch (verified)
        {
            case OtpCheck.Passed:
                reasons.Add("OTP_ACCEPTED");
                Challenged("passed");
                Current.Explained = FlaggedSenderPolicy.AfterCodePassed(Current.Explained, check.MovementId, Current.Score, Current.ScoredAt);
                return PaymentDecision.Allow;
            case OtpCheck.Wrong:
                reasons.Add($"OTP_INCORRECT ({Control.OtpMaxAttempts - challenge!.Attempts} attempt(s) left)");
                Challenged("wrong");
                return PaymentDecision.Challenge;
            case OtpCheck.Exhausted:
                reasons.Add("OTP_ATTEMPTS_EXHAUSTED");
                Challenged("declined");
                Current.Explained = FlaggedSenderPolicy.AfterCodeFailed();
                Flag(["otp-attempts-exhausted"]);
                await StepUpAndContactAsync($"Too many wrong one-time codes for payment {check.MovementId}", ["OTP_ATTEMPTS_EXHAUSTED"], now);
                return PaymentDecision.Decline;
            case OtpCheck.Expired:
                reasons.Add("OTP_EXPIRED");
                break;
            case OtpCheck.Replayed:
                reasons.Add("OTP_ALREADY_USED");
                break;
        }

        if (challenge is not null && challenge.Issues >= Control.OtpMaxIssues)
        {
            reasons.Add("OTP_TOO_MANY_CODES");
            Challenged("declined");
            Current.Explained = FlaggedSenderPolicy.AfterCodeFailed();
            return PaymentDecision.Decline;
        }

        if (!(await guard.Issue(check.MovementId)).Open)
        {
            return StepUpLocked(reasons);
        }

        var code = OneTimeCodes.Compose(Control.OtpDigits, RandomNumberGenerator.GetInt32);
        var issued = OneTimeCodes.Issue(check.MovementId, code, RandomNumberGenerator.GetBytes(SaltBytes), now, Control.OtpLifetime, challenge);
        Current.Challenges.RemoveAll(c => c.MovementId == check.MovementId);
        Bounded.Add(Current.Challenges, issued, RiskState.MaxChallenges);
        await SaveAsync(); // the code's hash is durable before the code leaves
        await notifier.SendOneTimeCodeAsync(new OneTimeCodeNotice(CustomerId, maskedPhone, check.MovementId, code, issued.ExpiresAt, now));
        reasons.Add("OTP_SENT");
        Challenged("issued");
        return PaymentDecision.Challenge;
    }

    private PaymentDecision StepUpLocked(List<string> reasons)
    {
        reasons.Add("OTP_LOCKED");
        Challenged("declined");
        Current.Explained = FlaggedSenderPolicy.AfterCodeFailed();
        return PaymentDecision.Decline;
    }

    /// <summary>
    /// A challenged attempt moves no money and is not published, but it is an attempt: the profile counts it as a
    /// declined payment, so bursts of attempts (card testing against the challenge) still build up.
    /// </summary>
    private void RememberAttempt(PaymentCheck check, DateTimeOffset now) =>
        BehaviourTracker.Observe(Current.Profile, new CustomerActivity(
            $"{check.MovementId}:challenged:{now.UtcTicks}", CustomerId, ActivityKind.PaymentOut, check.At, check.Amount, check.Currency,
            check.FromAccountId, check.ToAccountId, check.Channel, check.DeviceId, check.Ip, check.Country, check.City, check.MerchantCategory,
            BehaviourTracker.DeclinedStatus));

    private void Challenged(string outcome)
    {
        FinMetrics.RiskChallenges.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (outcome != "wrong")
        {
            _ = GrainFactory.GetGrain<IRiskKpiGrain>(RiskGrainKeys.Global).RecordChallenge(outcome);
        }
    }

    /// <summary>Every inline decision is audited and kept for its label; an unremarkable approval is written with the next flush.</summary>
    private void Decided(PaymentDecision decision, RiskVerdict verdict, PaymentCheck check, PaymentCandidate candidate, IReadOnlyList<string> reasons)
    {
        RememberDecision(decision, verdict, candidate);
        Audit(AuditAction.Decision, RiskGrainKeys.Engine, $"Payment {check.MovementId} of {check.Amount} {check.Currency}: {Reasons(reasons)}",
            verdict.Level, verdict.Score, decision: decision.ToString(), accountId: check.FromAccountId, reference: check.MovementId,
            modelVersion: verdict.ModelVersion);
    }

    private static PaymentAssessment Answer(PaymentDecision decision, RiskVerdict verdict, List<string> reasons) =>
        new(decision, verdict.Score, verdict.Level, reasons, verdict.ModelVersion);
}
