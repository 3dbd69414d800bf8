using System.Collections.Concurrent;
using Orleans.Fin.Accounts;
using Orleans.Fin.Customers;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.ClusterTests.Risk;

/// <summary>
/// The newer fraud patterns through the grains with the scorer the silo registers: a stolen session that binds its own
/// phone, a scam collector, a pass-through mule, and ordinary customers' weddings (large gifts included) that must not freeze anyone.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FraudPatternGrainTests(ClusterFixture fixture)
{
    private const string ThiefPhone = "thief-phone";
    private readonly RiskScenario _risk = new(fixture.Client);

    /// <summary>
    /// Each customer's own phone. On the one device every other cluster test signs up on, a customer would get a
    /// shared-device signal whenever it lands, and these scenarios are about what the payments alone do.
    /// </summary>
    private readonly ConcurrentDictionary<string, string> _phones = new();

    [Fact]
    public async Task StolenSession_BindsItsPhoneFarAwayThenPays_NothingLeavesAndTheVictimIsFrozen()
    {
        var (victim, account) = await EstablishedAsync(100_000m);
        var mules = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => FundedAsync(0m)));
        await _risk.LoginAsync(victim, "Urumqi", ThiefPhone);
        await _risk.SeenAsync(victim, 8);
        await BindAsync(victim, ThiefPhone);

        List<MovementResult> results = [];
        foreach (var (_, mule) in mules)
        {
            results.Add(await PayAsync(victim, account, mule, 20_000m, ThiefPhone, "Urumqi"));
        }

        Assert.Equal(MovementStatus.Declined, results[0].Status);
        Assert.Contains(RiskReasons.RiskyBinding, results[0].Reasons);
        Assert.All(results, r => Assert.NotEqual(MovementStatus.Completed, r.Status));
        await AssertFrozenWithCaseAsync(victim, account);
        Assert.Equal(100_000m - 600m, await _risk.Money.BalanceAsync(account));
    }

    [Fact]
    public async Task ScamCollector_SeveralCustomersSendTheirSavings_OwnerFrozenWithCaseAndTheNextInboundHeld()
    {
        var (collector, collectorAccount) = await FundedAsync(0m);
        List<MovementResult> results = [];
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var (victim, account) = await EstablishedAsync(60_000m);
            results.Add(await PayAsync(victim, account, collectorAccount, 50_000m)); // own phone, the victim answers the code
        }

        Assert.InRange(results.Count(r => r.Status == MovementStatus.Completed), 0, 1);
        Assert.Equal(MovementStatus.Declined, results[^1].Status);
        Assert.Contains(results[^1].Reasons, r => r is RiskReasons.WatchedBeneficiary or RiskReasons.AmountFarAboveHistory);
        await AssertFrozenWithCaseAsync(collector, collectorAccount);
        Assert.Contains("scam-collector", (await _risk.Risk(collector).GetProfile()).Flags);
        Assert.True(await _risk.Money.BalanceAsync(collectorAccount) <= 50_000m);
    }

    [Fact]
    public async Task PassThroughMule_MoneyFromFourNewSendersPaidStraightOut_HeldAndFrozenWithCase()
    {
        var (mule, muleAccount) = await FundedAsync(0m);
        var (_, cashOut) = await FundedAsync(0m);
        foreach (var _ in Enumerable.Range(0, 4))
        {
            var (sender, account) = await FundedAsync(5_000m);
            Assert.Equal(MovementStatus.Completed, (await PayAsync(sender, account, muleAccount, 4_000m)).Status);
        }

        await _risk.SeenAsync(mule, 4);
        var payout = await PayAsync(mule, muleAccount, cashOut, 15_000m);

        Assert.Equal(MovementStatus.Declined, payout.Status);
        Assert.Equal(DeclineReason.RiskDeclined, payout.DeclineReason);
        Assert.Contains(RiskReasons.PassThrough, payout.Reasons);
        Assert.Equal(16_000m, await _risk.Money.BalanceAsync(muleAccount));
        await AssertFrozenWithCaseAsync(mule, muleAccount);
    }

    [Fact]
    public async Task Wedding_GiftsFromManyNewSendersThenTheVenuePaid_NotFrozen()
    {
        var (couple, account) = await EstablishedAsync(2_000m); // 600 of it paid to a friend
        var (_, venue) = await FundedAsync(0m);
        foreach (var gift in new[] { 3_000m, 4_800m, 2_000m, 4_000m, 4_500m, 3_000m })
        {
            var (guest, guestAccount) = await FundedAsync(gift);
            Assert.Equal(MovementStatus.Completed, (await PayAsync(guest, guestAccount, account, gift)).Status);
        }

        await _risk.SeenAsync(couple, 13);
        var deposit = await PayAsync(couple, account, venue, 18_000m, merchantCategory: "7299");

        Assert.Equal(MovementStatus.Completed, deposit.Status);
        await _risk.SeenAsync(couple, 14); // the venue's payment reaches the engine after the answer: untouched once it has been scored
        await AssertUntouchedAsync(couple, account);
        Assert.Equal(2_000m - 600m + 21_300m - 18_000m, await _risk.Money.BalanceAsync(account));
    }

    [Fact]
    public async Task Wedding_GuestsWithOrdinaryHabitsEachGiveALargeGift_CoupleNeitherWatchedNorFrozen()
    {
        var (couple, account) = await EstablishedAsync(1_000m); // 600 of it paid to a friend
        List<(string Guest, MovementResult Gift)> gifts = [];
        foreach (var gift in new[] { 6_000m, 8_800m, 5_200m, 5_600m })
        {
            var (guest, guestAccount) = await EstablishedAsync(40_000m, usualAmount: gift / 2);
            gifts.Add((guest, await PayAsync(guest, guestAccount, account, gift)));
            await _risk.SeenAsync(couple, 7 + gifts.Count);
            await _risk.SeenAsync(guest, 8); // the gift's own event: a flagged sender reports its payees on it
            if (gifts.Count == 2)
            {
                // Two large gifts within 12 h used to make the couple a watched beneficiary (frozen as a scam collector).
                await AssertUntouchedAsync(couple, account);
            }
        }

        // The model scores each gift Medium (a code); each guest answers it, so none counts as a flagged sender and the
        // third and fourth gifts do not make the couple a mule either.
        foreach (var (guest, gift) in gifts)
        {
            Assert.True(gift.Status == MovementStatus.Completed, $"{gift.Amount}: {gift.Status} for {string.Join(", ", gift.Reasons)}");
            Assert.Contains("OTP_ACCEPTED", gift.Reasons);
            var profile = await _risk.Risk(guest).GetProfile();
            Assert.True(profile.OpenCaseId is null, $"{gift.Amount}: {string.Join("; ", profile.RecentSignals.Select(s => s.Description))}");
            Assert.DoesNotContain("ring-member", profile.Flags);
        }

        Assert.False(await fixture.Client.GetGrain<IPayeeWatchGrain>(account).AssessInbound(gifts[0].Guest, false, ClusterFixture.Now));
        await AssertUntouchedAsync(couple, account);
        var couplesProfile = await _risk.Risk(couple).GetProfile();
        Assert.DoesNotContain("scam-collector", couplesProfile.Flags);
        Assert.DoesNotContain("mule-account", couplesProfile.Flags);
        Assert.Equal(1_000m - 600m + 25_600m, await _risk.Money.BalanceAsync(account));
    }

    [Fact]
    public async Task ScamVictim_PushedToPayTheSameNewPayeeAgain_SecondTransferHeldForACallNotFrozen()
    {
        var (victim, account) = await EstablishedAsync(40_000m);
        var (_, scammer) = await FundedAsync(0m);

        // The verdict is pinned Low: what holds the second transfer is the rule, not the model's score.
        ScriptedRiskScorer.Script(account, RiskLevel.Low);
        try
        {
            var first = await PayAsync(victim, account, scammer, 6_700m);
            Assert.True(first.Status == MovementStatus.Completed, $"{first.Status} for {string.Join(", ", first.Reasons)}");
            await _risk.SeenAsync(victim, 8);

            var second = await PayAsync(victim, account, scammer, 8_800m);
            Assert.Equal(MovementStatus.Declined, second.Status);
            Assert.Contains(RiskReasons.SecondLargeTransfer, second.Reasons);

            // The declined attempt reaches the risk grain on the activity stream after the answer; scored once the script
            // is cleared, the model (not the rule under test) would open a case on it.
            await _risk.SeenAsync(victim, 9);
        }
        finally
        {
            ScriptedRiskScorer.Clear(account);
        }

        await AssertUntouchedAsync(victim, account);
        Assert.Contains("second-large-transfer", (await _risk.Risk(victim).GetProfile()).Flags);
        Assert.Equal(40_000m - 600m - 6_700m, await _risk.Money.BalanceAsync(account));
    }

    /// <summary>
    /// A customer whose history the engine has taken in: six payments to a friend from the home phone, around the usual
    /// amount (80–130 CNY, 600 in all, unless another is given).
    /// </summary>
    private async Task<(string CustomerId, string AccountId)> EstablishedAsync(decimal savings, decimal usualAmount = 100m)
    {
        var (customer, account) = await FundedAsync(savings);
        var (_, friend) = await FundedAsync(0m);
        var events = 1; // the deposit
        foreach (var share in new[] { 0.80m, 0.95m, 1.10m, 1.30m, 1.00m, 0.85m })
        {
            var paid = await PayAsync(customer, account, friend, Math.Round(usualAmount * share));
            Assert.True(paid.Status == MovementStatus.Completed, $"{paid.Amount}: {paid.Status} for {string.Join(", ", paid.Reasons)}");
            await _risk.SeenAsync(customer, ++events); // taken in before the next payment: what the engine knows does not depend on timing
        }

        return (customer, account);
    }

    /// <summary>A funded customer signed up on a phone of its own.</summary>
    private async Task<(string CustomerId, string AccountId)> FundedAsync(decimal amount)
    {
        var phone = $"phone-{Guid.NewGuid():N}";
        var (customer, account) = await _risk.Money.FundedAccountAsync(amount, device: phone);
        _phones[customer] = phone;
        return (customer, account);
    }

    /// <summary>Pays with place and merchant, repeating with the code sent to the phone when one is asked for.</summary>
    private async Task<MovementResult> PayAsync(
        string customerId, string from, string to, decimal amount, string? device = null, string? city = "Shanghai",
        string? merchantCategory = null)
    {
        device ??= _phones[customerId];
        var id = RiskScenario.NewPaymentId();
        var request = RiskScenario.Payment(customerId, from, to, amount, device) with { Country = "CN", City = city, MerchantCategory = merchantCategory };
        var movement = fixture.Client.GetGrain<IMoneyMovementGrain>(id);
        var result = await movement.Execute(request);
        return result.Status == MovementStatus.ChallengeRequired
            ? await movement.Execute(request with { Otp = await _risk.LatestCodeAsync(customerId, id) })
            : result;
    }

    private async Task BindAsync(string customerId, string device)
    {
        var customer = fixture.Client.GetGrain<ICustomerGrain>(customerId);
        var result = await customer.BindDeviceWithCode(device, null);
        if (result.Status == DeviceBindingStatus.ChallengeRequired)
        {
            result = await customer.BindDeviceWithCode(device, await _risk.LatestCodeAsync(customerId));
        }

        Assert.Equal(DeviceBindingStatus.Bound, result.Status);

        // The customer tells its risk grain of the binding one-way; until that lands, a payment from the device is scored
        // as from an unbound one (a different step-up, no binding risk).
        await RiskScenario.EventuallyAsync(
            async () => (await _risk.Risk(customerId).GetProfile()).RecentSignals
                .Any(s => s.Source == "binding" && s.Description.Contains(device, StringComparison.Ordinal)),
            $"the risk grain has taken in the binding of {device}");
    }

    private async Task AssertUntouchedAsync(string customerId, string accountId)
    {
        var profile = await _risk.Risk(customerId).GetProfile();
        Assert.True(profile.OpenCaseId is null, $"a case is open: {string.Join("; ", profile.RecentSignals.Select(s => s.Description))}");
        Assert.NotEqual(RiskLevel.High, profile.RiskLevel);
        Assert.Equal(AccountStatus.Active, (await _risk.AccountAsync(accountId)).Status);
    }

    private async Task AssertFrozenWithCaseAsync(string customerId, string accountId)
    {
        await RiskScenario.EventuallyAsync(async () => (await _risk.Risk(customerId).GetProfile()).OpenCaseId is not null, "a case is open");
        await RiskScenario.EventuallyAsync(async () => (await _risk.AccountAsync(accountId)).Status == AccountStatus.Frozen, "the account is frozen");
    }
}
