using Orleans.Fin.Accounts;
using Orleans.Fin.Customers;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk;

namespace Orleans.Fin.ClusterTests.Risk;

[Collection(ClusterCollection.Name)]
public sealed class FraudRingTests(ClusterFixture fixture)
{
    private readonly RiskScenario _risk = new(fixture.Client);

    [Fact]
    public async Task DeviceSharedByThreeCustomers_RaisesEachOnesRisk()
    {
        var device = $"shared-{Guid.NewGuid():N}";
        var customers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _risk.Money.NewCustomerAsync()));
        var before = await _risk.Risk(customers[0]).GetProfile();

        await fixture.Client.GetGrain<ICustomerGrain>(customers[0]).BindDevice(device);
        await _risk.LoginAsync(customers[1], "Shanghai", device);
        await fixture.Client.GetGrain<ICustomerGrain>(customers[2]).BindDevice(device);

        foreach (var customer in customers)
        {
            await RiskScenario.EventuallyAsync(async () => (await _risk.Risk(customer).GetProfile()).Flags.Contains("shared-device")
                && (await _risk.Risk(customer).GetProfile()).RecentSignals.Any(s => s.Description.Contains(device, StringComparison.Ordinal)), $"{customer} is flagged");
        }

        var after = await _risk.Risk(customers[0]).GetProfile();
        Assert.True(after.Score > before.Score);
        Assert.True(after.Watchlisted);
        Assert.Equal(3, (await fixture.Client.GetGrain<IDeviceIndexGrain>(device).GetCustomers()).Count);
        var rings = await fixture.Client.GetGrain<IRiskAlertRegistryGrain>(RiskGrainKeys.Global).List(AlertKind.RingDetected, null, null, 500);
        var alert = Assert.Single(rings.Items, a => a.Message.Contains(device, StringComparison.Ordinal));
        Assert.Contains(alert.CustomerId, customers);
    }

    [Fact]
    public async Task MuleRing_AccountPaidByThreeFlaggedCustomers_FreezesTheMule()
    {
        var (mule, muleAccount) = await _risk.Money.FundedAccountAsync(0m);
        var senders = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _risk.Money.FundedAccountAsync(500m)));
        foreach (var (sender, _) in senders)
        {
            var city = $"flag-{Guid.NewGuid():N}";
            ScriptedRiskScorer.Script(city, RiskLevel.Medium);
            await _risk.LoginAsync(sender, city);
            await RiskScenario.EventuallyAsync(async () => (await _risk.Risk(sender).GetProfile()).RiskLevel == RiskLevel.Medium, "the sender is flagged");
        }

        foreach (var (sender, account) in senders)
        {
            var paid = await _risk.PayPassingChallengeAsync(sender, account, muleAccount, 200m);
            Assert.Equal(MovementStatus.Completed, paid.Status);
        }

        await RiskScenario.EventuallyAsync(async () => (await _risk.Risk(mule).GetProfile()).OpenCaseId is not null, "the mule is under investigation");
        var profile = await _risk.Risk(mule).GetProfile();
        Assert.Equal(RiskLevel.High, profile.RiskLevel);
        Assert.Contains("mule-account", profile.Flags);
        Assert.Equal(AccountStatus.Frozen, (await _risk.AccountAsync(muleAccount)).Status);
        foreach (var (sender, _) in senders)
        {
            await RiskScenario.EventuallyAsync(async () => (await _risk.Risk(sender).GetProfile()).Flags.Contains("ring-member"), "the sender is a ring member");
        }
    }

    [Fact]
    public async Task MuleRing_PaidByThreeCustomersWhoLeftTheirCodeUnanswered_FreezesTheMule()
    {
        var (mule, muleAccount) = await _risk.Money.FundedAccountAsync(0m);
        var senders = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _risk.Money.FundedAccountAsync(5_000m)));
        var (_, elsewhere) = await _risk.Money.FundedAccountAsync(0m);
        for (var i = 0; i < senders.Length; i++)
        {
            // A payment scored Medium (elsewhere: attempts on the mule itself would make it a watched beneficiary instead),
            // its code never entered, entered wrong, or entered after it expired.
            var (sender, account) = senders[i];
            ScriptedRiskScorer.Script(account, RiskLevel.Medium);
            var attemptId = RiskScenario.NewPaymentId();
            Assert.Equal(MovementStatus.ChallengeRequired, (await _risk.PayAsync(attemptId, sender, account, elsewhere, 3_000m)).Status);
            var code = await _risk.LatestCodeAsync(sender, attemptId);
            if (i == 1)
            {
                var wrong = await _risk.PayAsync(attemptId, sender, account, elsewhere, 3_000m, otp: RiskScenario.WrongCode(code));
                Assert.Contains(wrong.Reasons, r => r.StartsWith("OTP_INCORRECT", StringComparison.Ordinal));
            }
            else if (i == 2)
            {
                await Task.Delay(ClusterFixture.OtpLifetime + TimeSpan.FromSeconds(0.5));
                Assert.Contains("OTP_EXPIRED", (await _risk.PayAsync(attemptId, sender, account, elsewhere, 3_000m, otp: code)).Reasons);
            }

            ScriptedRiskScorer.Clear(account);
            var paid = await _risk.PayPassingChallengeAsync(sender, account, muleAccount, 200m); // a code passed for this one
            Assert.Equal(MovementStatus.Completed, paid.Status);
        }

        await RiskScenario.EventuallyAsync(async () => (await _risk.Risk(mule).GetProfile()).OpenCaseId is not null, "the mule is under investigation");
        var profile = await _risk.Risk(mule).GetProfile();
        Assert.Contains("mule-account", profile.Flags);
        Assert.DoesNotContain("scam-collector", profile.Flags);
        Assert.Equal(AccountStatus.Frozen, (await _risk.AccountAsync(muleAccount)).Status);
        Assert.Equal(600m, await _risk.Money.BalanceAsync(muleAccount));
    }
}
