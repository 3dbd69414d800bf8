using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Payments.Domain;

namespace Orleans.Fin.Payments;

/// <summary>
/// Saga coordinator of one movement. It enters the pending-movements index and writes its plan before touching any
/// account (write-ahead), posts the legs in order, records its decision, reverses the applied legs if one was
/// declined, and only then leaves the index and releases the legs. A failed write leaves the activation as if the
/// call never happened (it reloads what storage holds) and the caller gets a retryable error. A movement interrupted
/// by a crash is finished by <see cref="Resume"/>, which the index sweeps and the accounts holding its legs call
/// without waiting for the answer; the steps it takes are decided by <see cref="MovementRecovery"/>.
/// </summary>
public sealed partial class MoneyMovementGrain(
    [PersistentState("movement", FinNames.Storage)] IPersistentState<MovementState> state,
    IOptions<FxOptions> fx,
    AccountDirectory accounts,
    PendingIndexRemovals leavingIndex,
    ActivityPublisher activity,
    TimeProvider clock,
    ILogger<MoneyMovementGrain> logger) : Grain, IMoneyMovementGrain
{
    /// <summary>Set when a write failed and the stored state could not be read back: the activation only waits to go.</summary>
    private bool _stale;

    private MovementState S => state.State;

    private string Id => this.GetPrimaryKeyString();

    private IPendingMovementsGrain PendingIndex => GrainFactory.Get<IPendingMovementsGrain>(IPendingMovementsGrain.ShardOf(Id));

    public async Task<MovementResult> Execute(MovementRequest request)
    {
        EnsureUsable();
        if (S.Exists)
        {
            if (!string.Equals(S.RequestHash, request.RequestHash, StringComparison.Ordinal))
            {
                throw new FinException(FinErrorCode.IdempotencyConflict, "The Idempotency-Key was already used with another request body.");
            }

            if (S.Status == MovementStatus.Pending)
            {
                await Drive();
            }

            if (S.Status != MovementStatus.ChallengeRequired || request.Otp is null)
            {
                return ToResult(); // a challenged payment is taken up again only with a one-time code
            }
        }

        MovementState planned;
        try
        {
            MovementValidation.Validate(request);
            planned = await Plan(request); // may refuse the request: nothing is kept then
        }
        catch (FinException) when (!S.Exists)
        {
            DeactivateOnIdle(); // refused before anything was kept: nothing to hold in memory either
            throw;
        }

        await PreAuthorise(planned, request.Otp); // payments: the payer's risk grain may decline or ask for a code
        if (planned.Status == MovementStatus.Pending)
        {
            // Indexed before the plan is written, so that recovery finds every durable plan.
            await PendingIndex.Add(Id, planned.CreatedAt);
        }

        await Commit(planned); // write-ahead: from here on the movement can always be finished
        await Drive();
        return ToResult();
    }

    public Task<MovementResult?> Get() => Task.FromResult(S.Exists ? ToResult() : null);

    public async Task Resume()
    {
        EnsureUsable();
        switch (MovementRecovery.Next(S.Exists, S.Status, S.Legs.Any(l => l.Applied && !l.Reversed)))
        {
            case RecoveryStep.Forget:
                // No plan: a retry with the same key may enter the index again right after this, so the entry leaves
                // at once, ahead of that retry's addition, never in a batch that could arrive after it.
                PendingIndex.RemoveMany([Id]).Ignore();
                DeactivateOnIdle();
                break;
            case RecoveryStep.Drive:
                LogResuming(logger, Id);
                await Drive();
                break;
            case RecoveryStep.Compensate:
                LogResuming(logger, Id);
                if (await Compensate())
                {
                    Settle();
                }

                break;
            default:
                if (S.Status == MovementStatus.ChallengeRequired)
                {
                    // Waiting for a one-time code (a retry that brought one failed to write its plan): not final, so
                    // it may enter the index again, and it leaves at once for the same reason as above.
                    PendingIndex.RemoveMany([Id]).Ignore();
                }

                Settle();
                break;
        }
    }

    /// <summary>Posts what is left of a durable plan, records the decision, undoes the legs of a declined one, settles.</summary>
    private async Task Drive()
    {
        if (S.Status == MovementStatus.Pending)
        {
            await PostLegs();
            await Commit(S);
        }

        FinMetrics.Movements.Add(1, new("kind", S.Kind.ToString()), new("status", S.Status.ToString()));
        await PublishActivity();
        if (await Compensate())
        {
            Settle();
        }
    }

    /// <summary>
    /// Posts the legs not yet applied (an account answers a repeated leg as applied) and decides the outcome in
    /// memory; the caller writes it. Stops at the first declined leg.
    /// </summary>
    private async Task PostLegs()
    {
        DeclineReason? declined = null;
        foreach (var leg in S.Legs.Where(l => !l.Applied))
        {
            var outcome = await GrainFactory.Get<IAccountGrain>(leg.AccountId).Post(ToPosting(leg));
            if (!outcome.Applied)
            {
                declined = outcome.Decline ?? DeclineReason.AccountClosed;
                break;
            }

            leg.Applied = true;
            if (leg.AccountId == (S.Kind is MovementKind.Deposit or MovementKind.LoanDisbursement or MovementKind.FundRedemption ? S.ToAccountId : S.FromAccountId))
            {
                S.BalanceAfter = outcome.BalanceAfter;
            }
        }

        S.Status = declined is null ? MovementStatus.Completed : MovementStatus.Declined;
        S.DeclineReason = declined;
        S.CompletedAt = clock.GetUtcNow();
    }

    /// <summary>
    /// Reverses the applied legs of a declined movement, after the decision is durable, so a leg is never undone while
    /// the movement could still complete. False when a reversal failed: recovery repeats them (each is idempotent).
    /// </summary>
    private async Task<bool> Compensate()
    {
        if (S.Status != MovementStatus.Declined)
        {
            return true;
        }

        foreach (var leg in S.Legs.Where(l => l.Applied && !l.Reversed).Reverse())
        {
            try
            {
                await GrainFactory.Get<IAccountGrain>(leg.AccountId).Reverse(Id);
            }
            catch (Exception ex)
            {
                LogCompensationFailed(logger, ex, Id);
                return false;
            }

            leg.Reversed = true; // progress only: a repeated reversal is a no-op on the account
        }

        return true;
    }

    /// <summary>The outcome is durable and nothing is left to undo: leave the index, settle the legs, free the memory.</summary>
    private void Settle()
    {
        if (S.Legs.Count > 0)
        {
            // Final, so it never enters the index again: it may leave late, with other movements' removals.
            leavingIndex.Remove(Id);
        }

        foreach (var leg in S.Legs.Where(l => l.Applied))
        {
            GrainFactory.Get<IAccountGrain>(leg.AccountId).Release(Id).Ignore();
        }

        // A finished movement is only read again for a replay, which its stored state answers; millions of
        // movements a day must not stay in memory until idle collection.
        DeactivateOnIdle();
    }

    /// <summary>Writes <paramref name="next"/>; on failure reloads what storage holds, so nothing unwritten stays in memory.</summary>
    private async Task Commit(MovementState next)
    {
        var committed = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            LogWriteFailed(logger, ex, Id);
            state.State = committed;
            try
            {
                await state.ReadStateAsync();
            }
            catch (Exception)
            {
                _stale = true;
                DeactivateOnIdle();
            }

            throw new FinException(FinErrorCode.Unavailable, "The movement could not record its progress; retry with the same Idempotency-Key.");
        }
    }

    private void EnsureUsable()
    {
        if (_stale)
        {
            throw new FinException(FinErrorCode.Unavailable, "The movement is reloading; retry with the same Idempotency-Key.");
        }
    }

    private async Task PublishActivity()
    {
        if (S.Status == MovementStatus.ChallengeRequired)
        {
            return; // not an outcome yet: the risk grain saw the attempt inline
        }

        var at = S.CompletedAt ?? S.CreatedAt;
        var status = S.Status.ToString();
        try
        {
            switch (S.Kind)
            {
                case MovementKind.Deposit:
                    await Publish(S.PayeeCustomerId, ActivityKind.Deposit, S.ToAccountId, null, at, status);
                    break;
                case MovementKind.Withdrawal:
                    await Publish(S.PayerCustomerId, ActivityKind.Withdrawal, S.FromAccountId, null, at, status);
                    break;
                case MovementKind.LoanDisbursement or MovementKind.LoanRepayment or MovementKind.FundSubscription or MovementKind.FundRedemption:
                    break; // money between the bank and its own customer (loans, funds): not activity the fraud engine watches
                default:
                    await Publish(S.PayerCustomerId, ActivityKind.PaymentOut, S.FromAccountId, S.ToAccountId, at, status);
                    if (S.Status == MovementStatus.Completed)
                    {
                        await Publish(S.PayeeCustomerId, ActivityKind.PaymentIn, S.ToAccountId, S.FromAccountId, at, status);
                    }

                    break;
            }
        }
        catch (Exception ex)
        {
            // The money has moved and is recorded; a lost event must not turn a completed movement into an error.
            LogPublishFailed(logger, ex, Id);
        }
    }

    private Task Publish(string? customerId, ActivityKind kind, string? accountId, string? counterparty, DateTimeOffset at, string status)
    {
        if (customerId is null)
        {
            return Task.CompletedTask;
        }

        var amount = kind == ActivityKind.PaymentIn && S.FxCreditedAmount is { } credited ? credited : S.Amount;
        var currency = kind == ActivityKind.PaymentIn && S.FxCreditedCurrency is { } c ? c : S.Currency;
        return activity.Publish(new CustomerActivity(
            $"{Id}:{kind}", customerId, kind, at, amount, currency, accountId, counterparty, S.Channel,
            S.DeviceId, S.Ip, S.Country, S.City, S.MerchantCategory, status));
    }

    private Posting ToPosting(LegRecord leg) =>
        new(Id, leg.Amount, leg.Currency, leg.Kind, Id, leg.Counterparty, leg.FxRate, leg.ExpectedOwner, leg.CountsTowardsDailyLimit);

    private MovementResult ToResult()
    {
        FxQuote? quote = S.FxRate is { } rate ? new FxQuote(rate, S.FxCreditedAmount ?? 0, S.FxCreditedCurrency ?? "") : null;
        List<string> customers = [.. new[] { S.PayerCustomerId, S.PayeeCustomerId }.OfType<string>().Distinct()];
        return new MovementResult(
            Id, S.Kind, S.Status, S.DeclineReason, S.Amount, S.Currency, S.FromAccountId, S.ToAccountId, S.BalanceAfter,
            S.RiskLevel, S.RiskScore, [.. S.Reasons], quote, S.Channel, S.InitiatedBy, S.CreatedAt, customers);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Movement {MovementId} is being finished by recovery")]
    private static partial void LogResuming(ILogger logger, string movementId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Movement {MovementId} could not write its state; it reloaded what storage holds")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string movementId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Movement {MovementId} could not reverse a leg; recovery repeats it")]
    private static partial void LogCompensationFailed(ILogger logger, Exception exception, string movementId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity of movement {MovementId} could not be published")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string movementId);
}
