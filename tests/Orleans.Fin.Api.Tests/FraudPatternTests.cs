using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

/// <summary>
/// The fraud patterns through the REST API and the real engine (rules and the shipped model): each is stopped with at
/// most one large payment escaping, and the account behind it ends up frozen with a case.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FraudPatternTests(FinNodeFixture fixture)
{
    private const string ThiefPhone = "thief-phone";
    private readonly FraudSteps _steps = new(fixture);

    private FinApiClient Api => fixture.Api;

    [Fact]
    public async Task StolenSession_BindsItsPhoneFarAwayThenPays_FirstLargePaymentDeclinedAndFrozen()
    {
        var victim = await _steps.EstablishedAsync(100_000m);
        var mules = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Api.FundedAccountAsync(0m)));
        await _steps.LoginAsync(victim, ThiefPhone, "Urumqi");
        await _steps.SeenAsync(victim.CustomerId, 8);
        await _steps.BindAsync(victim, ThiefPhone);

        List<JsonElement> payments = [];
        foreach (var mule in mules)
        {
            payments.Add(await _steps.PayAsync(victim, mule.AccountId, 20_000m, ThiefPhone, "Urumqi"));
        }

        Assert.Equal("Declined", payments[0].Str("status"));
        Assert.True(FraudSteps.HasReason(payments[0], "BINDING_AFTER_NEW_DEVICE_LOGIN_FROM_NEW_PLACE"));
        Assert.All(payments, p => Assert.NotEqual("Completed", p.Str("status")));
        await AssertFrozenWithCaseAsync(victim);
        Assert.Equal(100_000m - 600m, await Api.BalanceAsync(victim.AccountId, victim.Token));
    }

    [Fact]
    public async Task StolenSession_AtTheVictimsHomeWithASwappedSim_AtMostOneLargePaymentEscapes()
    {
        var victim = await _steps.EstablishedAsync(100_000m);
        var mules = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Api.FundedAccountAsync(0m)));
        await _steps.LoginAsync(victim, ThiefPhone, FraudSteps.Home);
        await _steps.SeenAsync(victim.CustomerId, 8);
        await _steps.BindAsync(victim, ThiefPhone);

        List<JsonElement> payments = [];
        foreach (var mule in mules)
        {
            payments.Add(await _steps.PayAsync(victim, mule.AccountId, 20_000m, ThiefPhone)); // the thief answers every code
        }

        Assert.InRange(payments.Count(p => p.Str("status") == "Completed"), 0, 1);
        Assert.NotEqual("Completed", payments[^1].Str("status"));
        await AssertFrozenWithCaseAsync(victim);
        Assert.True(await Api.BalanceAsync(victim.AccountId, victim.Token) >= 100_000m - 600m - 20_000m);
    }

    [Fact]
    public async Task ScamCollector_SeveralCustomersSendTheirSavings_CollectorFrozenLaterSendersHeld()
    {
        var collector = await Api.FundedAccountAsync(0m);
        var victims = new List<Holder>();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            victims.Add(await _steps.EstablishedAsync(60_000m));
        }

        List<JsonElement> payments = [];
        foreach (var victim in victims)
        {
            payments.Add(await _steps.PayAsync(victim, collector.AccountId, 50_000m)); // from their own phone, codes answered
        }

        Assert.InRange(payments.Count(p => p.Str("status") == "Completed"), 0, 1);
        Assert.All(payments.Skip(1), p => Assert.Equal("Declined", p.Str("status")));
        Assert.True(FraudSteps.HasReason(payments[^1], "WATCHED_BENEFICIARY") || FraudSteps.HasReason(payments[^1], "AMOUNT_FAR_ABOVE_HISTORY"));
        await AssertFrozenWithCaseAsync(collector);
        Assert.Contains("scam-collector", (await _steps.RiskAsync(collector.CustomerId)).GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.True(await Api.BalanceAsync(collector.AccountId, fixture.OperatorToken) <= 50_000m);
    }

    [Fact]
    public async Task PassThroughMule_MoneyFromFourNewSendersPaidStraightOut_HeldFrozenWithCase()
    {
        var mule = await Api.FundedAccountAsync(0m);
        var cashOut = await Api.FundedAccountAsync(0m);
        foreach (var _ in Enumerable.Range(0, 4))
        {
            var sender = await Api.FundedAccountAsync(5_000m);
            Assert.Equal("Completed", (await _steps.PayAsync(sender, mule.AccountId, 4_000m)).Str("status"));
        }

        await _steps.SeenAsync(mule.CustomerId, 4);
        var payout = await _steps.PayAsync(mule, cashOut.AccountId, 15_000m);

        Assert.Equal("Declined", payout.Str("status"));
        Assert.Equal("RiskDeclined", payout.Str("declineReason"));
        Assert.True(FraudSteps.HasReason(payout, "PASS_THROUGH"));
        Assert.Equal(16_000m, await Api.BalanceAsync(mule.AccountId, mule.Token));
        await AssertFrozenWithCaseAsync(mule);
    }

    private async Task AssertFrozenWithCaseAsync(Holder holder)
    {
        await FraudSteps.EventuallyAsync(async () => (await _steps.RiskAsync(holder.CustomerId)).GetProperty("openCaseId").ValueKind == JsonValueKind.String, "a case is open");
        await FraudSteps.EventuallyAsync(async () => await _steps.AccountStatusAsync(holder) == "Frozen", "the account is frozen");
    }
}
