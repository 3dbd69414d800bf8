using System.Diagnostics;
using Orleans.Fin.Accounts;
using Orleans.Fin.Accounts.Domain;
using Orleans.Fin.Common;
using Orleans.Fin.Payments;

namespace Orleans.Fin.ClusterTests;

/// <summary>
/// Faults at each step of a payment: a write that fails (before or after it commits), a call that fails, an answer
/// that is lost. After each, without any client retry, the movement becomes final by itself; a retry with the same
/// key then agrees; money is conserved, each leg applied once, and every statement adds up.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MovementFaultTests(ClusterFixture fixture)
{
    private readonly ClusterScenario _scenario = new(fixture.Client);
    private readonly LedgerChecks _checks = new(fixture.Client);

    public static TheoryData<string, int, WriteFault> PaymentWrites => new()
    {
        { "index", 0, WriteFault.BeforeCommit },
        { "movement", 0, WriteFault.BeforeCommit },
        { "movement", 0, WriteFault.AfterCommit },
        { "payer", 0, WriteFault.BeforeCommit },
        { "payer", 0, WriteFault.AfterCommit },
        { "payee", 0, WriteFault.BeforeCommit },
        { "payee", 0, WriteFault.AfterCommit },
        { "movement", 1, WriteFault.BeforeCommit },
        { "movement", 1, WriteFault.AfterCommit },
    };

    [Theory]
    [MemberData(nameof(PaymentWrites))]
    public async Task Execute_WriteFailsAtEachStep_FinishesOnceWithoutClient(string grain, int skip, WriteFault fault)
    {
        var (payer, from, to, id) = await _scenario.PaymentPairAsync(500m);
        var key = grain switch
        {
            "index" => fixture.Client.GetGrain<IPendingMovementsGrain>(IPendingMovementsGrain.ShardOf(id)).GetGrainId().Key.ToString()!,
            "movement" => id,
            "payer" => from,
            _ => to,
        };
        FaultInjection.FailWrite(key, skip, fault);
        var request = ClusterScenario.Payment(payer, from, to, 120m);

        var error = await Assert.ThrowsAsync<FinException>(() => fixture.Client.GetGrain<IMoneyMovementGrain>(id).Execute(request));
        Assert.Equal(FinErrorCode.Unavailable, error.Code);

        await _checks.WaitUntilFinalAsync(id);
        var replay = await fixture.Client.GetGrain<IMoneyMovementGrain>(id).Execute(request);

        Assert.Equal(MovementStatus.Completed, replay.Status);
        await AssertPaidOnceAsync(id, from, 380m, to, 120m);
    }

    [Fact]
    public async Task Execute_PayeeLegFails_RecoveredWithoutClientWhileAccountsStayReadable()
    {
        var (payer, from, to, id) = await _scenario.PaymentPairAsync(300m);
        FaultInjection.FailingCalls[$"Post:{to}"] = 1;

        await Assert.ThrowsAsync<TimeoutException>(() => fixture.Client.GetGrain<IMoneyMovementGrain>(id).Execute(ClusterScenario.Payment(payer, from, to, 100m)));

        var waited = Stopwatch.StartNew();
        var shard = fixture.Client.GetGrain<IPendingMovementsGrain>(IPendingMovementsGrain.ShardOf(id));
        while (await shard.Contains(id))
        {
            var read = Stopwatch.StartNew();
            Assert.NotNull(await fixture.Client.GetGrain<IAccountGrain>(from).Get());
            await fixture.Client.GetGrain<IAccountGrain>(from).GetEntries(null, 10);
            Assert.True(read.Elapsed < TimeSpan.FromSeconds(1), $"A read of the payer's account took {read.Elapsed.TotalMilliseconds:F0} ms.");
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The movement was not finished within 30 s.");
            await Task.Delay(100);
        }

        Assert.Equal(MovementStatus.Completed, (await fixture.Client.GetGrain<IMoneyMovementGrain>(id).Get())!.Status);
        await AssertPaidOnceAsync(id, from, 200m, to, 100m);
    }

    [Fact]
    public async Task Execute_PostAnswerLostWithConcurrentDuplicates_AppliesOnce()
    {
        var (payer, from, to, id) = await _scenario.PaymentPairAsync(300m);
        FaultInjection.LostAnswers[$"Post:{from}"] = 1;
        var request = ClusterScenario.Payment(payer, from, to, 40m);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                return await fixture.Client.GetGrain<IMoneyMovementGrain>(id).Execute(request);
            }
            catch (TimeoutException)
            {
                return null;
            }
        }));

        Assert.Contains(attempts, a => a is null);
        Assert.All(attempts.OfType<MovementResult>(), r => Assert.Equal(MovementStatus.Completed, r.Status));
        await _checks.WaitUntilFinalAsync(id);
        await AssertPaidOnceAsync(id, from, 260m, to, 40m);
    }

    [Fact]
    public async Task Resume_AfterFinalWriteFailed_DoesNotPostLegsTwice()
    {
        var (payer, from, to, id) = await _scenario.PaymentPairAsync(200m);
        var movement = fixture.Client.GetGrain<IMoneyMovementGrain>(id);
        FaultInjection.FailWrite(id, 1, WriteFault.BeforeCommit);
        var request = ClusterScenario.Payment(payer, from, to, 70m);
        await Assert.ThrowsAsync<FinException>(() => movement.Execute(request));

        await movement.Resume(); // what an account holding a leg asks
        await fixture.Cluster.DeactivateAsync(movement);
        var replay = await movement.Execute(request);

        Assert.Equal(MovementStatus.Completed, replay.Status);
        await AssertPaidOnceAsync(id, from, 130m, to, 70m);
    }

    [Fact]
    public async Task Post_AccountWriteFails_LeavesNoUnsavedPosting()
    {
        var (payer, from, to, id) = await _scenario.PaymentPairAsync(100m);
        FaultInjection.FailWrite(from, 0, WriteFault.BeforeCommit);
        var request = ClusterScenario.Payment(payer, from, to, 30m);

        await Assert.ThrowsAsync<FinException>(() => fixture.Client.GetGrain<IMoneyMovementGrain>(id).Execute(request));
        Assert.Equal(100m, await _scenario.BalanceAsync(from)); // nothing unwritten is visible
        var replay = await fixture.Client.GetGrain<IMoneyMovementGrain>(id).Execute(request);
        await fixture.Cluster.DeactivateAsync(fixture.Client.GetGrain<IAccountGrain>(from));

        Assert.Equal(MovementStatus.Completed, replay.Status);
        await AssertPaidOnceAsync(id, from, 70m, to, 30m);
    }

    /// <summary>
    /// A removal from the index is lost (its silo died while it waited in the batch, or the one-way call was dropped):
    /// the entry it leaves is stale, the sweep resumes the movement, which finds itself final and is removed again,
    /// with nothing posted twice.
    /// </summary>
    [Fact]
    public async Task IndexRemoval_Lost_SweepRemovesTheStaleEntryAndPostsNothingAgain()
    {
        var (payer, from, to, id) = await _scenario.PaymentPairAsync(200m);
        var paid = await fixture.Client.GetGrain<IMoneyMovementGrain>(id).Execute(ClusterScenario.Payment(payer, from, to, 45m));
        Assert.Equal(MovementStatus.Completed, paid.Status);
        await _checks.WaitUntilFinalAsync(id);

        // What a lost removal leaves behind: the entry, older than the sweep's grace period.
        var shard = fixture.Client.GetGrain<IPendingMovementsGrain>(IPendingMovementsGrain.ShardOf(id));
        await shard.Add(id, DateTimeOffset.UnixEpoch);
        Assert.True(await shard.Contains(id));

        await AssertPaidOnceAsync(id, from, 155m, to, 45m);
    }

    /// <summary>
    /// A movement whose first attempt entered the index but wrote no plan is resumed by the sweep and leaves the index;
    /// the client's retry comes right after, enters the index again, writes its plan and posts its legs, then fails to
    /// write its decision. Its entry must outlive the earlier removal, so that the sweep finishes it without a client.
    /// </summary>
    [Fact]
    public async Task IndexRemoval_OfAMovementWithoutAPlan_LeavesBeforeItsRetryEntersAgain()
    {
        var (payer, from, to, id) = await _scenario.PaymentPairAsync(200m);
        var movement = fixture.Client.GetGrain<IMoneyMovementGrain>(id);
        await fixture.Client.GetGrain<IPendingMovementsGrain>(IPendingMovementsGrain.ShardOf(id)).Add(id, DateTimeOffset.UnixEpoch);

        // A payment between the same accounts first, so that the retry below is quick (every grain of its path active),
        // then a pause, so that no removal batch is already waiting to leave when the resumed movement's removal is made.
        var warm = await fixture.Client.GetGrain<IMoneyMovementGrain>(FinIds.New(IdPrefixes.Payment, DateTimeOffset.UtcNow))
            .Execute(ClusterScenario.Payment(payer, from, to, 10m));
        Assert.Equal(MovementStatus.Completed, warm.Status);
        await Task.Delay(PendingIndexRemovals.FlushPeriod * 3);
        await movement.Resume(); // no plan was written: it leaves the index

        FaultInjection.FailWrite(id, 1, WriteFault.BeforeCommit); // the plan is written, the decision is not
        var error = await Assert.ThrowsAsync<FinException>(() => movement.Execute(ClusterScenario.Payment(payer, from, to, 60m)));
        Assert.Equal(FinErrorCode.Unavailable, error.Code);

        var waited = Stopwatch.StartNew();
        while ((await movement.Get())?.Status != MovementStatus.Completed)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The movement with a durable plan was not finished without a client within 30 s.");
            await Task.Delay(200);
        }

        await AssertPaidOnceAsync(id, from, 130m, to, 70m);
    }

    [Fact]
    public async Task Post_WriteFailsRightAfterSealing_StatementStillAddsUp()
    {
        var (customer, account) = await _scenario.FundedAccountAsync(0m);
        for (var i = 0; i < AccountLedger.SegmentSize - 1; i++)
        {
            await _scenario.DepositAsync(customer, account, 1m);
        }

        var failed = FinIds.New(IdPrefixes.Deposit, DateTimeOffset.UtcNow);
        FaultInjection.FailWrite(account, 0, WriteFault.BeforeCommit);
        await Assert.ThrowsAsync<FinException>(() => _scenario.DepositAsync(customer, account, 5m, failed));
        await fixture.Cluster.DeactivateAsync(fixture.Client.GetGrain<IAccountGrain>(account));
        for (var i = 0; i < AccountLedger.SegmentSize + 2; i++)
        {
            await _scenario.DepositAsync(customer, account, 2m);
        }

        await _checks.WaitUntilFinalAsync(failed);
        await _checks.AssertAppliedOnceAsync(account, failed);
        Assert.Equal(31m + 5m + 68m, await _scenario.BalanceAsync(account));
        await _checks.AssertConservedAsync();
    }

    private async Task AssertPaidOnceAsync(string id, string from, decimal fromBalance, string to, decimal toBalance)
    {
        await _checks.WaitUntilFinalAsync(id);
        await fixture.Cluster.DeactivateAsync(fixture.Client.GetGrain<IAccountGrain>(from));
        await fixture.Cluster.DeactivateAsync(fixture.Client.GetGrain<IAccountGrain>(to));
        Assert.Equal(fromBalance, await _scenario.BalanceAsync(from));
        Assert.Equal(toBalance, await _scenario.BalanceAsync(to));
        await _checks.AssertAppliedOnceAsync(from, id);
        await _checks.AssertAppliedOnceAsync(to, id);
        await _checks.AssertConservedAsync();
    }
}
