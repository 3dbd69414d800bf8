using Orleans.Fin.Accounts;
using Orleans.Fin.Customers;
using Orleans.Fin.Models;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;
using Orleans.Fin.Risk.Model;

namespace Orleans.Fin.ClusterTests.Risk;

/// <summary>
/// Fraud patterns end to end through the scorer the silo registers (rules, plus the model when one is registered): real
/// logins and payments through the grains, and a month of a simulated ordinary customer's activity on the stream.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FraudScenarioTests(ClusterFixture fixture)
{
    private const string AttackerPhone = "attacker-phone";
    private readonly RiskScenario _risk = new(fixture.Client);

    [Fact]
    public void RegisteredScorer_IsTheRulesAndModelScorer()
    {
        var scorer = (ScriptedRiskScorer)fixture.Cluster.Silos[0].ServiceProvider.GetService(typeof(IRiskScorer))!;

        Assert.IsType<ServingRiskScorer>(scorer.Inner);
    }

    [Fact]
    public async Task AccountTakeover_NewDeviceFarAwayThenLargePayments_FreezesAndOpensCase()
    {
        var (victim, account) = await _risk.Money.FundedAccountAsync(200_000m);
        var savings = (await fixture.Client.GetGrain<ICustomerGrain>(victim).OpenAccount("USD")).Id;
        var mules = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _risk.Money.FundedAccountAsync(0m)));
        await _risk.LoginAsync(victim, "Shanghai");
        await _risk.SeenAsync(victim, 2); // the deposit and the login at home

        // The payments are scored inline against what the engine has taken in: the login from far away is part of it
        // however long the activity stream takes to deliver it.
        await _risk.LoginAsync(victim, "Urumqi", AttackerPhone);
        await _risk.SeenAsync(victim, 3);
        List<MovementResult> results = [];
        foreach (var (_, mule) in mules.Concat(mules))
        {
            results.Add(await _risk.PayAsync(RiskScenario.NewPaymentId(), victim, account, mule, 20_000m, AttackerPhone));
        }

        await RiskScenario.EventuallyAsync(async () => (await _risk.Risk(victim).GetProfile()).OpenCaseId is not null, "a case is open");
        Assert.DoesNotContain(results, r => r.Status == MovementStatus.Completed);
        Assert.Contains(results, r => r.DeclineReason is DeclineReason.RiskDeclined or DeclineReason.AccountFrozen);
        Assert.Equal(200_000m, await _risk.Money.BalanceAsync(account));
        Assert.Equal(AccountStatus.Frozen, (await _risk.AccountAsync(account)).Status);
        Assert.Equal(AccountStatus.Frozen, (await _risk.AccountAsync(savings)).Status);
        var @case = await _risk.OpenCaseAsync(victim);
        Assert.Equal(RiskGrainKeys.Engine, @case.OpenedBy);
        Assert.Equal(RiskLevel.High, @case.Snapshot.Level);
    }

    [Fact]
    public async Task CardTesting_RapidTinyPaymentsToManyPayees_AreStoppedByTheStepUp()
    {
        var (customer, account) = await _risk.Money.FundedAccountAsync(1_000m);
        var merchants = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _risk.Money.FundedAccountAsync(0m)));
        List<MovementResult> results = [];
        var events = 1; // the deposit
        foreach (var (_, merchant) in merchants)
        {
            var result = await _risk.PayAsync(RiskScenario.NewPaymentId(), customer, account, merchant, 1.37m);
            results.Add(result);
            if (result.Status != MovementStatus.ChallengeRequired)
            {
                // An outcome is published; the windows the next attempt is scored on hold it however slow the stream is.
                await _risk.SeenAsync(customer, ++events);
            }
        }

        var firstStopped = results.FindIndex(r => r.Status != MovementStatus.Completed);
        Assert.InRange(firstStopped, 0, 5);
        Assert.All(results.Skip(firstStopped), r => Assert.NotEqual(MovementStatus.Completed, r.Status));
        // The card-testing rule or the fraud model (which learnt the pattern) stops it, whichever sees it first.
        Assert.Contains(results[firstStopped].Reasons, r => r is RiskReasons.CardTesting or RiskReasons.NewPayeeBurst or RiskReasons.ModelHigh);
        Assert.Equal(1_000m - (firstStopped * 1.37m), await _risk.Money.BalanceAsync(account));
        await RiskScenario.EventuallyAsync(async () => (await _risk.AlertsAsync(customer)).Any(a => a.Kind is AlertKind.ContactCustomer or AlertKind.FraudSuspected), "someone is told");
        Assert.NotEqual(RiskLevel.Low, (await _risk.Risk(customer).GetProfile()).RiskLevel);
    }

    [Fact]
    public async Task MuleRing_ThreeFlaggedCustomersPayOneAccount_FreezesTheMule()
    {
        var (mule, muleAccount) = await _risk.Money.FundedAccountAsync(0m);
        var senders = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _risk.Money.FundedAccountAsync(5_000m)));
        foreach (var (sender, _) in senders)
        {
            await _risk.LoginAsync(sender, "Shanghai");
            await _risk.SeenAsync(sender, 2); // the deposit and the login at home
            await _risk.LoginAsync(sender, "Harbin", $"burner-{Guid.NewGuid():N}"); // a new device far away: medium risk
            await RiskScenario.EventuallyAsync(async () => (await _risk.Risk(sender).GetProfile()).RiskLevel >= RiskLevel.Medium, "the sender is flagged");
        }

        foreach (var (sender, account) in senders)
        {
            Assert.Equal(MovementStatus.Completed, (await _risk.PayPassingChallengeAsync(sender, account, muleAccount, 1_000m)).Status);
        }

        await RiskScenario.EventuallyAsync(async () => (await _risk.Risk(mule).GetProfile()).OpenCaseId is not null, "the mule is under investigation");
        Assert.Equal(AccountStatus.Frozen, (await _risk.AccountAsync(muleAccount)).Status);
        Assert.Contains("mule-account", (await _risk.Risk(mule).GetProfile()).Flags);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task OrdinaryCustomer_AMonthOfActivity_IsNeverFrozen(int index)
    {
        var (customer, account) = await _risk.Money.FundedAccountAsync(50_000m);
        var simulated = new TransactionSimulator(new SimulationOptions { Customers = 10, Days = 30 }).OrdinaryCustomer(index);
        var shift = ClusterFixture.Now - simulated.Events[^1].Activity.At;
        foreach (var e in simulated.Events)
        {
            var a = e.Activity;
            await _risk.PublishAsync(a with
            {
                EventId = $"{customer}:{a.EventId}",
                CustomerId = customer,
                At = a.At + shift,
                AccountId = a.AccountId == simulated.Events[0].Activity.AccountId || a.AccountId?.StartsWith("acc_sim", StringComparison.Ordinal) == true ? account : a.AccountId,
            });
        }

        var end = $"end-{Guid.NewGuid():N}";
        ScriptedRiskScorer.Script(end, RiskLevel.Low);
        await _risk.LoginAsync(customer, end);
        await RiskScenario.EventuallyAsync(async () => (await _risk.Risk(customer).GetProfile()).Flags.Contains("SCRIPTED_LOW"), "the month is processed", 60);

        var profile = await _risk.Risk(customer).GetProfile();
        Assert.True(simulated.Events.Count > 50, $"only {simulated.Events.Count} events were simulated");
        Assert.Null(profile.OpenCaseId);
        Assert.NotEqual(RiskLevel.High, profile.RiskLevel);
        Assert.Equal(AccountStatus.Active, (await _risk.AccountAsync(account)).Status);
        Assert.DoesNotContain(await _risk.AuditAsync(customer), e => e.Record.Action == AuditAction.Freeze);
    }
}
