using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk;

namespace Orleans.Fin.ClusterTests.Risk;

/// <summary>One-time codes: sent on an unbound device or medium risk, expire, allow three wrong attempts, accepted once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OtpChallengeTests(ClusterFixture fixture)
{
    private const string NewPhone = "unbound-phone";
    private readonly RiskScenario _risk = new(fixture.Client);

    [Fact]
    public async Task UnboundDevice_ChallengeThenCorrectCode_CompletesOnce()
    {
        var (customer, from) = await _risk.Money.FundedAccountAsync(100m);
        var (_, to) = await _risk.Money.FundedAccountAsync(0m);
        var id = RiskScenario.NewPaymentId();

        var challenged = await _risk.PayAsync(id, customer, from, to, 40m, NewPhone);
        var replay = await _risk.PayAsync(id, customer, from, to, 40m, NewPhone);
        var code = await _risk.LatestCodeAsync(customer, id);
        var completed = await _risk.PayAsync(id, customer, from, to, 40m, NewPhone, code);
        var again = await _risk.PayAsync(id, customer, from, to, 40m, NewPhone, code);

        Assert.Equal(MovementStatus.ChallengeRequired, challenged.Status);
        Assert.Contains("STEP_UP_UNBOUND_DEVICE", challenged.Reasons);
        Assert.Contains("OTP_SENT", challenged.Reasons);
        Assert.Equal(MovementStatus.ChallengeRequired, replay.Status);
        Assert.Equal(MovementStatus.Completed, completed.Status);
        Assert.Contains("OTP_ACCEPTED", completed.Reasons);
        Assert.Equal(challenged.CreatedAt, completed.CreatedAt);
        Assert.Equal(MovementStatus.Completed, again.Status);
        Assert.Equal(60m, await _risk.Money.BalanceAsync(from));
        Assert.Equal(40m, await _risk.Money.BalanceAsync(to));
        Assert.Single((await fixture.Client.GetGrain<IAccountGrain>(from).GetEntries(null, 10)).Items, e => e.Kind == EntryKind.PaymentOut);
    }

    [Fact]
    public async Task BindDevice_AfterPaymentsScoredWithTheOldProfile_NewDeviceIsFreshlyBoundNotUnbound()
    {
        var (customer, from) = await _risk.Money.FundedAccountAsync(100m);
        var (_, to) = await _risk.Money.FundedAccountAsync(0m);
        ScriptedRiskScorer.Script(from, RiskLevel.Low); // only the device decides here, not the model
        var before = await _risk.PayAsync(RiskScenario.NewPaymentId(), customer, from, to, 5m); // the risk grain now keeps the profile
        var newPhone = $"phone-{Guid.NewGuid():N}"; // a device no other test's customer used (that would be a fraud-ring signal)

        await fixture.Client.GetGrain<ICustomerGrain>(customer).BindDevice(newPhone);

        // Binding tells the risk grain (one-way) and it reads the profile again; until that lands the new device counts
        // as unbound. Once it has, the device is freshly bound: still a one-time code for a while, for that reason.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        MovementResult asked;
        do
        {
            asked = await _risk.PayAsync(RiskScenario.NewPaymentId(), customer, from, to, 5m, newPhone);
        }
        while (asked.Reasons.Contains("STEP_UP_UNBOUND_DEVICE") && DateTime.UtcNow < deadline);
        var paid = await _risk.PayPassingChallengeAsync(customer, from, to, 5m, newPhone);
        ScriptedRiskScorer.Clear(from);

        Assert.Equal(MovementStatus.Completed, before.Status);
        Assert.Equal(MovementStatus.ChallengeRequired, asked.Status);
        Assert.Contains("STEP_UP_FRESHLY_BOUND_DEVICE", asked.Reasons);
        Assert.DoesNotContain("STEP_UP_UNBOUND_DEVICE", asked.Reasons);
        Assert.Equal(MovementStatus.Completed, paid.Status);
        Assert.Equal(90m, await _risk.Money.BalanceAsync(from));
    }

    /// <summary>
    /// The code arrives, the payment enters the pending index, and its plan write fails: the movement is back to waiting
    /// for a code, with an entry in the index. The sweep resumes it and it leaves the index without moving money,
    /// instead of being resumed every few seconds until the customer comes back.
    /// </summary>
    [Fact]
    public async Task CodeGiven_PlanWriteFails_ChallengedMovementLeavesTheIndexAndMovesNoMoney()
    {
        var (customer, from) = await _risk.Money.FundedAccountAsync(100m);
        var (_, to) = await _risk.Money.FundedAccountAsync(0m);
        var id = RiskScenario.NewPaymentId();
        Assert.Equal(MovementStatus.ChallengeRequired, (await _risk.PayAsync(id, customer, from, to, 40m, NewPhone)).Status);
        var code = await _risk.LatestCodeAsync(customer, id);

        FaultInjection.FailWrite(id, 0, WriteFault.BeforeCommit);
        var error = await Assert.ThrowsAsync<FinException>(() => _risk.PayAsync(id, customer, from, to, 40m, NewPhone, code));
        Assert.Equal(FinErrorCode.Unavailable, error.Code);
        var shard = fixture.Client.GetGrain<IPendingMovementsGrain>(IPendingMovementsGrain.ShardOf(id));
        Assert.True(await shard.Contains(id));

        await new LedgerChecks(fixture.Client).WaitUntilFinalAsync(id);
        Assert.Equal(MovementStatus.ChallengeRequired, (await fixture.Client.GetGrain<IMoneyMovementGrain>(id).Get())?.Status);
        Assert.Equal(100m, await _risk.Money.BalanceAsync(from));
        Assert.Equal(0m, await _risk.Money.BalanceAsync(to));
    }

    [Fact]
    public async Task ChallengeRequired_ReplaysAndConcurrentRepeats_MoveNoMoney()
    {
        var (customer, from) = await _risk.Money.FundedAccountAsync(100m);
        var (_, to) = await _risk.Money.FundedAccountAsync(0m);
        var id = RiskScenario.NewPaymentId();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _risk.PayAsync(id, customer, from, to, 30m, NewPhone)));

        Assert.All(results, r => Assert.Equal(MovementStatus.ChallengeRequired, r.Status));
        Assert.Equal(100m, await _risk.Money.BalanceAsync(from));
        Assert.Equal(0m, await _risk.Money.BalanceAsync(to));
    }

    [Fact]
    public async Task WrongCode_KeepsChallengeWithReason_ThenRightCodeCompletes()
    {
        var (customer, from) = await _risk.Money.FundedAccountAsync(100m);
        var (_, to) = await _risk.Money.FundedAccountAsync(0m);
        var id = RiskScenario.NewPaymentId();
        await _risk.PayAsync(id, customer, from, to, 25m, NewPhone);
        var code = await _risk.LatestCodeAsync(customer, id);

        var wrong = await _risk.PayAsync(id, customer, from, to, 25m, NewPhone, RiskScenario.WrongCode(code));
        var balanceWhileChallenged = await _risk.Money.BalanceAsync(from);
        var right = await _risk.PayAsync(id, customer, from, to, 25m, NewPhone, code);

        Assert.Equal(MovementStatus.ChallengeRequired, wrong.Status);
        Assert.Contains(wrong.Reasons, r => r.StartsWith("OTP_INCORRECT", StringComparison.Ordinal));
        Assert.Equal(100m, balanceWhileChallenged);
        Assert.Equal(MovementStatus.Completed, right.Status);
        Assert.Equal(75m, await _risk.Money.BalanceAsync(from));
    }

    [Fact]
    public async Task ThreeWrongCodes_DeclineRiskDeclined_AndTheRightCodeNoLongerWorks()
    {
        var (customer, from) = await _risk.Money.FundedAccountAsync(100m);
        var (_, to) = await _risk.Money.FundedAccountAsync(0m);
        var id = RiskScenario.NewPaymentId();
        await _risk.PayAsync(id, customer, from, to, 25m, NewPhone);
        var code = await _risk.LatestCodeAsync(customer, id);
        var wrong = RiskScenario.WrongCode(code);

        var first = await _risk.PayAsync(id, customer, from, to, 25m, NewPhone, wrong);
        var second = await _risk.PayAsync(id, customer, from, to, 25m, NewPhone, wrong);
        var third = await _risk.PayAsync(id, customer, from, to, 25m, NewPhone, wrong);
        var late = await _risk.PayAsync(id, customer, from, to, 25m, NewPhone, code);

        Assert.Equal(MovementStatus.ChallengeRequired, first.Status);
        Assert.Equal(MovementStatus.ChallengeRequired, second.Status);
        Assert.Equal((MovementStatus.Declined, DeclineReason.RiskDeclined), (third.Status, third.DeclineReason));
        Assert.Contains("OTP_ATTEMPTS_EXHAUSTED", third.Reasons);
        Assert.Equal((MovementStatus.Declined, DeclineReason.RiskDeclined), (late.Status, late.DeclineReason));
        Assert.Equal(100m, await _risk.Money.BalanceAsync(from));
        Assert.Contains(await _risk.AlertsAsync(customer), a => a.Kind == AlertKind.ContactCustomer);
    }

    [Fact]
    public async Task ExpiredCode_IsRefusedAndReplaced_AndTheNewCodeCompletes()
    {
        var (customer, from) = await _risk.Money.FundedAccountAsync(100m);
        var (_, to) = await _risk.Money.FundedAccountAsync(0m);
        var id = RiskScenario.NewPaymentId();
        await _risk.PayAsync(id, customer, from, to, 20m, NewPhone);
        var oldCode = await _risk.LatestCodeAsync(customer, id);

        await Task.Delay(ClusterFixture.OtpLifetime + TimeSpan.FromMilliseconds(500));
        var expired = await _risk.PayAsync(id, customer, from, to, 20m, NewPhone, oldCode);
        var newCode = await _risk.LatestCodeAsync(customer, id);
        var completed = await _risk.PayAsync(id, customer, from, to, 20m, NewPhone, newCode);

        Assert.Equal(MovementStatus.ChallengeRequired, expired.Status);
        Assert.Contains("OTP_EXPIRED", expired.Reasons);
        Assert.Contains("OTP_SENT", expired.Reasons);
        Assert.Equal(MovementStatus.Completed, completed.Status);
        Assert.Equal(80m, await _risk.Money.BalanceAsync(from));
    }

    [Fact]
    public async Task Code_CannotBeReplayedOnAnotherPayment()
    {
        var (customer, from) = await _risk.Money.FundedAccountAsync(100m);
        var (_, to) = await _risk.Money.FundedAccountAsync(0m);
        var first = RiskScenario.NewPaymentId();
        await _risk.PayAsync(first, customer, from, to, 10m, NewPhone);
        var code = await _risk.LatestCodeAsync(customer, first);
        Assert.Equal(MovementStatus.Completed, (await _risk.PayAsync(first, customer, from, to, 10m, NewPhone, code)).Status);

        var second = RiskScenario.NewPaymentId();
        var replayed = await _risk.PayAsync(second, customer, from, to, 11m, NewPhone, code);

        Assert.Equal(MovementStatus.ChallengeRequired, replayed.Status);
        Assert.Equal(90m, await _risk.Money.BalanceAsync(from));
    }

    [Fact]
    public async Task MediumRisk_CorrectCodeSatisfiesStepUp_ButHighStillDeclines()
    {
        var (customer, from) = await _risk.Money.FundedAccountAsync(1_000m);
        var (_, to) = await _risk.Money.FundedAccountAsync(0m);
        ScriptedRiskScorer.Script(from, RiskLevel.Medium);
        var medium = RiskScenario.NewPaymentId();
        var challenged = await _risk.PayAsync(medium, customer, from, to, 100m);
        var passed = await _risk.PayAsync(medium, customer, from, to, 100m, otp: await _risk.LatestCodeAsync(customer, medium));

        var high = RiskScenario.NewPaymentId();
        await _risk.PayAsync(high, customer, from, to, 200m);
        ScriptedRiskScorer.Script(from, RiskLevel.High);
        var declined = await _risk.PayAsync(high, customer, from, to, 200m, otp: await _risk.LatestCodeAsync(customer, high));

        Assert.Equal((MovementStatus.ChallengeRequired, RiskLevel.Medium), (challenged.Status, challenged.RiskLevel));
        Assert.Contains("STEP_UP_MEDIUM_RISK", challenged.Reasons);
        Assert.Equal(MovementStatus.Completed, passed.Status);
        Assert.Equal((MovementStatus.Declined, DeclineReason.RiskDeclined, RiskLevel.High), (declined.Status, declined.DeclineReason, declined.RiskLevel));
        Assert.Equal(900m, await _risk.Money.BalanceAsync(from));
        Assert.Equal(AccountStatus.Frozen, (await _risk.AccountAsync(from)).Status);
    }
}
