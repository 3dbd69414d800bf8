using Microsoft.Extensions.DependencyInjection;
using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Loans;
using Orleans.Fin.Payments;

namespace Orleans.Fin.ClusterTests;

/// <summary>
/// Disbursement, repayment and the automatic debit under failure: every write of each path failing, the movement's
/// answer lost, the loan's activation dying between two steps, a duplicate on the other silo. After each, the money
/// moved once on each side (the borrower's account and the loan book's shard cancel out), the loan applied it once, and
/// nothing is left pending, finished by the system itself where no one retries.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LoanFailureTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;
    private readonly ClusterScenario _scenario = new(fixture.Client);
    private readonly MoneyPathChecks _checks = new(fixture.Client);

    [Fact]
    public async Task ProcessUntil_AutoDebitAnswerLostThenAccountEmpty_AppliesTheMoneyTakenOnce()
    {
        var loan = await ShortOfMoneyLoanAsync(50m);
        var debitId = LoanGrain.AutoDebitId(loan.Id, loan.FirstDue);
        FaultInjection.LostMovementAnswers[debitId] = 1;

        await Assert.ThrowsAnyAsync<TimeoutException>(() => loan.Grain.ProcessUntil(loan.FirstDue));
        var afterFault = await _scenario.BalanceAsync(loan.AccountId);
        var view = await loan.Grain.ProcessUntil(loan.FirstDue);

        Assert.Equal(0m, afterFault); // the debit ran: the account is empty now, so working the amount out again finds nothing
        Assert.Equal(50m, view.Schedule[0].Paid);
        Assert.Equal(0, view.PendingMovements);
        Assert.Equal(new MovementTrace(1, -50m, 1, 50m), await TraceAsync(loan, debitId));
    }

    [Fact]
    public async Task ProcessUntil_ActivationDiesAfterTheAutoDebit_ReminderAppliesItWithoutAnyRetry()
    {
        var loan = await ShortOfMoneyLoanAsync(50m);
        var debitId = LoanGrain.AutoDebitId(loan.Id, loan.FirstDue);
        FaultInjection.LostMovementAnswers[debitId] = 1;
        CallFaults.DyingActivations[loan.Id] = nameof(ILoanGrain.ProcessUntil);

        await Assert.ThrowsAnyAsync<TimeoutException>(() => loan.Grain.ProcessUntil(loan.FirstDue));

        Assert.True(await MoneyPathChecks.EventuallyAsync(async () => (await loan.Grain.Get())!.PendingMovements == 0));
        var view = (await loan.Grain.Get())!;
        Assert.Equal(50m, view.Schedule[0].Paid);
        Assert.Equal(0m, await _scenario.BalanceAsync(loan.AccountId));
        Assert.Equal(new MovementTrace(1, -50m, 1, 50m), await TraceAsync(loan, debitId));
    }

    [Fact]
    public async Task ProcessUntil_DecisionWriteFails_NothingMovesAndTheNextRunDebitsOnce()
    {
        var loan = await ShortOfMoneyLoanAsync(50m);
        var debitId = LoanGrain.AutoDebitId(loan.Id, loan.FirstDue);

        using (StorageFaults.FailWrites(loan.Id, passing: 0))
        {
            await MoneyPathChecks.ThrowsUnavailableAsync(() => loan.Grain.ProcessUntil(loan.FirstDue));
        }

        var untouched = await _scenario.BalanceAsync(loan.AccountId);
        var movement = await _checks.StatusAsync(debitId);
        var view = await loan.Grain.ProcessUntil(loan.FirstDue);

        Assert.Equal((50m, (MovementStatus?)null), (untouched, movement));
        Assert.Equal(50m, view.Schedule[0].Paid);
        Assert.Equal(new MovementTrace(1, -50m, 1, 50m), await TraceAsync(loan, debitId));
    }

    [Fact]
    public async Task ProcessUntil_WriteAfterTheAutoDebitFails_RetryableErrorThenReminderAppliesItOnce()
    {
        var loan = await ShortOfMoneyLoanAsync(50m);
        var debitId = LoanGrain.AutoDebitId(loan.Id, loan.FirstDue);

        using (StorageFaults.FailWrites(loan.Id, passing: 1))
        {
            await MoneyPathChecks.ThrowsUnavailableAsync(() => loan.Grain.ProcessUntil(loan.FirstDue));
        }

        Assert.True(await MoneyPathChecks.EventuallyAsync(async () => (await loan.Grain.Get())!.PendingMovements == 0));
        var view = (await loan.Grain.Get())!;

        Assert.Equal(50m, view.Schedule[0].Paid);
        Assert.Equal(new MovementTrace(1, -50m, 1, 50m), await TraceAsync(loan, debitId));
    }

    [Fact]
    public async Task ProcessUntil_AutoDebitMovementWriteFails_ReminderFinishesItOnce()
    {
        var loan = await ShortOfMoneyLoanAsync(50m);
        var debitId = LoanGrain.AutoDebitId(loan.Id, loan.FirstDue);

        using (StorageFaults.FailWrites(debitId, passing: 0))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => loan.Grain.ProcessUntil(loan.FirstDue));
        }

        Assert.True(await MoneyPathChecks.EventuallyAsync(async () => (await loan.Grain.Get())!.PendingMovements == 0));
        Assert.Equal(50m, (await loan.Grain.Get())!.Schedule[0].Paid);
        Assert.Equal(new MovementTrace(1, -50m, 1, 50m), await TraceAsync(loan, debitId));
    }

    [Fact]
    public async Task Repay_WriteAfterTheMovementFails_NoFalseSuccessAndAppliedOnceAfterReactivation()
    {
        var loan = await ShortOfMoneyLoanAsync(500m);
        var command = Repayment(120m);

        using (StorageFaults.FailWrites(loan.Id, passing: 1))
        {
            await MoneyPathChecks.ThrowsUnavailableAsync(() => loan.Grain.Repay(command));
        }

        var retried = await loan.Grain.Repay(command);
        CallFaults.DyingActivations[loan.Id] = nameof(ILoanGrain.Get);
        await loan.Grain.Get();
        var stored = (await loan.Grain.Get())!; // a fresh activation: what was written

        Assert.Equal(MovementStatus.Completed, retried.Status);
        Assert.Equal(120m, stored.Schedule.Sum(i => i.Paid));
        Assert.Equal(0, stored.PendingMovements);
        Assert.Equal(380m, await _scenario.BalanceAsync(loan.AccountId));
        Assert.Equal(new MovementTrace(1, -120m, 1, 120m), await TraceAsync(loan, command.MovementId));
    }

    [Fact]
    public async Task Repay_DecisionWriteFails_NothingMovesAndTheRetryRepaysOnce()
    {
        var loan = await ShortOfMoneyLoanAsync(500m);
        var command = Repayment(120m);

        using (StorageFaults.FailWrites(loan.Id, passing: 0))
        {
            await MoneyPathChecks.ThrowsUnavailableAsync(() => loan.Grain.Repay(command));
        }

        var untouched = await _scenario.BalanceAsync(loan.AccountId);
        var movement = await _checks.StatusAsync(command.MovementId);
        var retried = await loan.Grain.Repay(command);

        Assert.Equal((500m, (MovementStatus?)null), (untouched, movement));
        Assert.Equal((MovementStatus.Completed, 120m), (retried.Status, retried.Loan.Schedule.Sum(i => i.Paid)));
        Assert.Equal(new MovementTrace(1, -120m, 1, 120m), await TraceAsync(loan, command.MovementId));
    }

    [Fact]
    public async Task Repay_ActivationDiesBeforeTheMovementRuns_ReminderRepaysOnceWithoutARetry()
    {
        var loan = await ShortOfMoneyLoanAsync(500m);
        var command = Repayment(120m);
        FaultInjection.FailingCalls["Execute:" + command.MovementId] = 1;
        CallFaults.DyingActivations[loan.Id] = nameof(ILoanGrain.Repay);

        await Assert.ThrowsAnyAsync<TimeoutException>(() => loan.Grain.Repay(command));

        Assert.True(await MoneyPathChecks.EventuallyAsync(async () => (await loan.Grain.Get())!.PendingMovements == 0));
        Assert.Equal(120m, (await loan.Grain.Get())!.Schedule.Sum(i => i.Paid));
        Assert.Equal(380m, await _scenario.BalanceAsync(loan.AccountId));
        Assert.Equal(new MovementTrace(1, -120m, 1, 120m), await TraceAsync(loan, command.MovementId));
    }

    [Fact]
    public async Task Repay_AnswerLostWhileDuplicatesArriveOnBothSilos_AppliedOnce()
    {
        var loan = await ShortOfMoneyLoanAsync(500m);
        var command = Repayment(120m);
        FaultInjection.LostMovementAnswers[command.MovementId] = 1;
        var callers = fixture.Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<IGrainFactory>()).Prepend<IGrainFactory>(_client);

        var attempts = await Task.WhenAll(callers.Select(async f =>
        {
            try
            {
                return (await f.GetGrain<ILoanGrain>(loan.Id).Repay(command)).Status;
            }
            catch (TimeoutException)
            {
                return MovementStatus.Pending; // the caller whose answer was lost
            }
        }));
        var final = await loan.Grain.Repay(command);

        Assert.Contains(MovementStatus.Completed, attempts);
        Assert.Equal(MovementStatus.Completed, final.Status);
        Assert.Equal((120m, 0), (final.Loan.Schedule.Sum(i => i.Paid), final.Loan.PendingMovements));
        Assert.Equal(380m, await _scenario.BalanceAsync(loan.AccountId));
        Assert.Equal(new MovementTrace(1, -120m, 1, 120m), await TraceAsync(loan, command.MovementId));
    }

    [Fact]
    public async Task Accept_WriteAfterTheDisbursementFailsAndActivationDies_ReminderActivatesTheLoanOnce()
    {
        var (grain, loanId, accountId) = await ApprovedLoanAsync();
        CallFaults.DyingActivations[loanId] = nameof(ILoanGrain.Accept);

        using (StorageFaults.FailWrites(loanId, passing: 1))
        {
            await MoneyPathChecks.ThrowsUnavailableAsync(() => grain.Accept("test"));
        }

        Assert.True(await MoneyPathChecks.EventuallyAsync(async () => (await grain.Get())!.Status == "Active"));
        var view = (await grain.Get())!;
        Assert.Equal((12, 0), (view.Schedule.Count, view.PendingMovements));
        Assert.Equal(1_200m, await _scenario.BalanceAsync(accountId));
        var disbursement = LoanGrain.DisbursementId(loanId);
        Assert.Equal(new MovementTrace(1, 1_200m, 1, -1_200m), await _checks.TraceAsync(disbursement, accountId, SystemAccounts.LoanBook("CNY", disbursement)));
    }

    [Fact]
    public async Task Accept_DecisionWriteFails_NothingDisbursedAndTheRetryDisbursesOnce()
    {
        var (grain, loanId, accountId) = await ApprovedLoanAsync();

        using (StorageFaults.FailWrites(loanId, passing: 0))
        {
            await MoneyPathChecks.ThrowsUnavailableAsync(() => grain.Accept("test"));
        }

        var untouched = await _scenario.BalanceAsync(accountId);
        var stillApproved = (await grain.Get())!.Status;
        var accepted = await grain.Accept("test");

        Assert.Equal((0m, "Approved"), (untouched, stillApproved));
        Assert.Equal("Active", accepted.Status);
        var disbursement = LoanGrain.DisbursementId(loanId);
        Assert.Equal(new MovementTrace(1, 1_200m, 1, -1_200m), await _checks.TraceAsync(disbursement, accountId, SystemAccounts.LoanBook("CNY", disbursement)));
    }

    [Fact]
    public async Task Accept_DisbursementAnswerLost_RetryReturnsTheActiveLoanDisbursedOnce()
    {
        var (grain, loanId, accountId) = await ApprovedLoanAsync();
        var disbursement = LoanGrain.DisbursementId(loanId);
        FaultInjection.LostMovementAnswers[disbursement] = 1;

        await Assert.ThrowsAnyAsync<TimeoutException>(() => grain.Accept("test"));
        var retried = await grain.Accept("test");

        Assert.Equal(("Active", 0), (retried.Status, retried.PendingMovements));
        Assert.Equal(1_200m, await _scenario.BalanceAsync(accountId));
        Assert.Equal(new MovementTrace(1, 1_200m, 1, -1_200m), await _checks.TraceAsync(disbursement, accountId, SystemAccounts.LoanBook("CNY", disbursement)));
    }

    [Fact]
    public async Task Accept_DisbursementAnswerLostAndActivationDies_ReminderActivatesTheLoanWithoutARetry()
    {
        var (grain, loanId, accountId) = await ApprovedLoanAsync();
        var disbursement = LoanGrain.DisbursementId(loanId);
        FaultInjection.LostMovementAnswers[disbursement] = 1;
        CallFaults.DyingActivations[loanId] = nameof(ILoanGrain.Accept);

        await Assert.ThrowsAnyAsync<TimeoutException>(() => grain.Accept("test"));

        Assert.True(await MoneyPathChecks.EventuallyAsync(async () => (await grain.Get())!.Status == "Active"));
        Assert.Equal(0, (await grain.Get())!.PendingMovements);
        Assert.Equal(1_200m, await _scenario.BalanceAsync(accountId));
        Assert.Equal(new MovementTrace(1, 1_200m, 1, -1_200m), await _checks.TraceAsync(disbursement, accountId, SystemAccounts.LoanBook("CNY", disbursement)));
    }

    /// <summary>An active loan of 1,200 whose borrower then spent all but <paramref name="left"/>.</summary>
    private async Task<TestLoan> ShortOfMoneyLoanAsync(decimal left)
    {
        var (grain, loanId, accountId) = await ApprovedLoanAsync();
        var active = await grain.Accept("test");
        var account = (await _client.GetGrain<IAccountGrain>(accountId).Get())!;
        await _checks.WithdrawAsync(account.CustomerId, accountId, 1_200m - left);
        return new TestLoan(grain, loanId, accountId, active.Schedule[0].DueDate);
    }

    private async Task<(ILoanGrain Grain, string LoanId, string AccountId)> ApprovedLoanAsync()
    {
        var (customerId, accountId) = await _scenario.FundedAccountAsync(0m);
        var loanId = FinIds.New(IdPrefixes.Loan, DateTimeOffset.UtcNow);
        var grain = _client.GetGrain<ILoanGrain>(loanId);
        var applied = await grain.Apply(new LoanApplication(
            customerId, accountId, 1_200m, 12, "furniture", 10, "owner", "married", "fixed", 60m, 180m, 5000m, 0m, 1_700m, false, customerId));
        Assert.Equal("Approved", applied.Status);
        return (grain, loanId, accountId);
    }

    private Task<MovementTrace> TraceAsync(TestLoan loan, string movementId) =>
        _checks.TraceAsync(movementId, loan.AccountId, SystemAccounts.LoanBook("CNY", movementId));

    private static LoanRepaymentCommand Repayment(decimal amount) =>
        new(FinIds.New(IdPrefixes.LoanRepayment, DateTimeOffset.UtcNow), amount, "test");

    private sealed record TestLoan(ILoanGrain Grain, string Id, string AccountId, DateOnly FirstDue);
}
