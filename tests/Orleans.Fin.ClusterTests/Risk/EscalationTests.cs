using Orleans.Fin.Accounts;
using Orleans.Fin.Customers;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk;

namespace Orleans.Fin.ClusterTests.Risk;

/// <summary>Tiered disposal with scripted verdicts: High freezes and opens a case, Medium steps up and asks for contact, Low flags.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EscalationTests(ClusterFixture fixture)
{
    private readonly RiskScenario _risk = new(fixture.Client);

    [Fact]
    public async Task HighRiskLogin_FreezesEveryAccountOpensCaseAndAlerts()
    {
        var (customer, cny) = await _risk.Money.FundedAccountAsync(500m);
        var usd = (await fixture.Client.GetGrain<ICustomerGrain>(customer).OpenAccount("USD")).Id;
        var city = $"high-{Guid.NewGuid():N}";
        ScriptedRiskScorer.Script(city, RiskLevel.High);
        var kpiGrain = fixture.Client.GetGrain<IRiskKpiGrain>(RiskGrainKeys.Global);
        var frozenBefore = (await kpiGrain.Get()).Counts.AccountsFrozen;

        await _risk.LoginAsync(customer, city, device: "attacker-phone");
        await RiskScenario.EventuallyAsync(async () => (await _risk.Risk(customer).GetProfile()).OpenCaseId is not null, "a case is open");

        var profile = await _risk.Risk(customer).GetProfile();
        var @case = await _risk.OpenCaseAsync(customer);
        Assert.Equal(RiskLevel.High, profile.RiskLevel);
        Assert.Equal(CaseStatus.Open, @case.Status);
        Assert.Equal(new[] { cny, usd }.Order(), @case.AccountIds.Order());
        Assert.Equal(RiskGrainKeys.Engine, @case.OpenedBy);
        Assert.Contains("SCRIPTED_HIGH", @case.Snapshot.Reasons);
        foreach (var accountId in new[] { cny, usd })
        {
            var account = await _risk.AccountAsync(accountId);
            Assert.Equal((AccountStatus.Frozen, RiskGrainKeys.Engine, @case.Id), (account.Status, account.FrozenBy, account.FreezeCaseId));
        }

        Assert.Equal(RiskLevel.High, (await fixture.Client.GetGrain<ICustomerGrain>(customer).Get())!.RiskLevel);
        Assert.Contains(await _risk.AlertsAsync(customer), a => a.Kind == AlertKind.FraudSuspected && a.CaseId == @case.Id);
        var audit = await _risk.AuditAsync(customer);
        Assert.Equal(2, audit.Count(e => e.Record.Action == AuditAction.Freeze && e.Record.CaseId == @case.Id));
        Assert.Contains(audit, e => e.Record.Action == AuditAction.CaseOpened && e.Record.ModelVersion == ScriptedRiskScorer.ScriptedVersion);
        var listed = await fixture.Client.GetGrain<IRiskCaseRegistryGrain>(RiskGrainKeys.Global).List(CaseStatus.Open, null, 500);
        Assert.Contains(listed.Items, c => c.Id == @case.Id && c.CustomerId == customer);

        // The freeze reaches the indicators one-way, whenever it lands: waited for, and this customer's two accounts counted.
        await RiskScenario.EventuallyAsync(
            async () => (await kpiGrain.Get()) is { MedianTimeToFreezeMs: not null } kpis && kpis.Counts.AccountsFrozen >= frozenBefore + 2, "the freeze is counted");
    }

    [Fact]
    public async Task HighRiskPayment_IsRiskDeclinedMovesNothingAndFreezes()
    {
        var (customer, from) = await _risk.Money.FundedAccountAsync(1_000m);
        var (_, to) = await _risk.Money.FundedAccountAsync(0m);
        ScriptedRiskScorer.Script(from, RiskLevel.High);

        var result = await _risk.PayAsync(RiskScenario.NewPaymentId(), customer, from, to, 900m);

        Assert.Equal((MovementStatus.Declined, DeclineReason.RiskDeclined, RiskLevel.High), (result.Status, result.DeclineReason, result.RiskLevel));
        Assert.Equal(95, result.RiskScore);
        Assert.Contains("SCRIPTED_HIGH", result.Reasons);
        Assert.Equal(1_000m, await _risk.Money.BalanceAsync(from));
        Assert.Equal(0m, await _risk.Money.BalanceAsync(to));
        Assert.Equal(AccountStatus.Frozen, (await _risk.AccountAsync(from)).Status);
        var @case = await _risk.OpenCaseAsync(customer);
        Assert.Equal([from], @case.AccountIds);
        Assert.NotEmpty(@case.Snapshot.Features); // the model's features at decision time, for the training label
        Assert.Contains(await _risk.AuditAsync(customer), e => e.Record.Decision == nameof(PaymentDecision.Decline) && e.Record.Reference == result.Id);
    }

    [Fact]
    public async Task MediumRiskActivity_RaisesContactTaskAndStepsUpPayments()
    {
        var (customer, from) = await _risk.Money.FundedAccountAsync(1_000m);
        var (_, to) = await _risk.Money.FundedAccountAsync(0m);
        var city = $"medium-{Guid.NewGuid():N}";
        ScriptedRiskScorer.Script(city, RiskLevel.Medium);

        await _risk.LoginAsync(customer, city);
        await RiskScenario.EventuallyAsync(async () => (await _risk.Risk(customer).GetProfile()).StepUpUntil is not null, "payments are stepped up");
        var payment = await _risk.PayAsync(RiskScenario.NewPaymentId(), customer, from, to, 10m);

        Assert.Equal(MovementStatus.ChallengeRequired, payment.Status);
        Assert.Contains("STEP_UP_RECENT_FINDING", payment.Reasons);
        Assert.Contains(await _risk.AlertsAsync(customer), a => a.Kind == AlertKind.ContactCustomer);
        var profile = await _risk.Risk(customer).GetProfile();
        Assert.Equal((RiskLevel.Medium, true), (profile.RiskLevel, profile.Watchlisted));
        Assert.Null(profile.OpenCaseId);
        Assert.Equal(AccountStatus.Active, (await _risk.AccountAsync(from)).Status);
        Assert.Equal(RiskLevel.Medium, (await fixture.Client.GetGrain<ICustomerGrain>(customer).Get())!.RiskLevel);
    }

    [Fact]
    public async Task LowRiskFinding_FlagsAndWatchlistsWithoutActing()
    {
        var (customer, from) = await _risk.Money.FundedAccountAsync(1_000m);
        var city = $"low-{Guid.NewGuid():N}";
        ScriptedRiskScorer.Script(city, RiskLevel.Low);

        await _risk.LoginAsync(customer, city);
        await RiskScenario.EventuallyAsync(async () => (await _risk.Risk(customer).GetProfile()).Flags.Contains("SCRIPTED_LOW"), "the customer is flagged");

        var profile = await _risk.Risk(customer).GetProfile();
        Assert.True(profile.Watchlisted);
        Assert.Equal(RiskLevel.Low, profile.RiskLevel);
        Assert.Null(profile.StepUpUntil);
        Assert.Contains(profile.RecentSignals, s => s.Description.Contains("SCRIPTED_LOW", StringComparison.Ordinal));
        Assert.Equal(AccountStatus.Active, (await _risk.AccountAsync(from)).Status);
    }

    [Fact]
    public async Task RedeliveredEvent_IsCountedOnce()
    {
        var (customer, from) = await _risk.Money.FundedAccountAsync(100m);
        ScriptedRiskScorer.Script(from, RiskLevel.Low);
        var activity = new CustomerActivity(
            $"{RiskScenario.NewPaymentId()}:{ActivityKind.PaymentOut}", customer, ActivityKind.PaymentOut, ClusterFixture.Now, 12m, "CNY", from,
            "acc_00000000000000000000000000", "app", RiskScenario.BoundDevice, Status: nameof(MovementStatus.Completed));

        await _risk.PublishAsync(activity);
        await _risk.PublishAsync(activity);
        await _risk.PublishAsync(activity with { });
        await RiskScenario.EventuallyAsync(async () => (await _risk.Risk(customer).GetProfile()).Flags.Contains("SCRIPTED_LOW"), "the event is scored");
        var marker = $"{RiskScenario.NewPaymentId()}:{ActivityKind.PaymentOut}";
        await _risk.PublishAsync(activity with { EventId = marker });
        await RiskScenario.EventuallyAsync(
            async () => (await _risk.AuditAsync(customer)).Any(e => e.Record.Reference == marker), "a later event is scored");

        var decisions = (await _risk.AuditAsync(customer)).Where(e => e.Record.Action == AuditAction.Decision).ToList();
        Assert.Single(decisions, e => e.Record.Reference == activity.EventId);
        Assert.Equal(2, (await _risk.Risk(customer).GetProfile()).RecentSignals.Count(s => s.Source == "activity:PaymentOut"));
    }
}
