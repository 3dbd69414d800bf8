using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

/// <summary>
/// Ordinary customers doing unusual but legitimate things next to the new fraud rules: at most a one-time code, never
/// a freeze, a case or a held payment.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OrdinaryPersonaTests(FinNodeFixture fixture)
{
    private readonly FraudSteps _steps = new(fixture);

    private FinApiClient Api => fixture.Api;

    [Fact]
    public async Task NewPhone_BoundAtHomeThenUsed_OneTimeCodeOnly()
    {
        var customer = await _steps.EstablishedAsync(5_000m);
        var shop = await Api.FundedAccountAsync(0m);
        await _steps.LoginAsync(customer, "new-phone", FraudSteps.Home);
        await _steps.SeenAsync(customer.CustomerId, 8);
        await _steps.BindAsync(customer, "new-phone");

        var asked = await _steps.PayAsync(customer, shop.AccountId, 120m, "new-phone", enterCode: false);
        var paid = await _steps.PayAsync(customer, shop.AccountId, 120m, "new-phone");

        Assert.Equal("ChallengeRequired", asked.Str("status"));
        Assert.True(FraudSteps.HasReason(asked, "STEP_UP_FRESHLY_BOUND_DEVICE"));
        Assert.Equal("Completed", paid.Str("status"));
        await AssertUntouchedAsync(customer, events: 9); // the challenged attempt is not published
    }

    [Fact]
    public async Task BigPurchase_FarAboveHabitsAtAMerchant_AtMostACode()
    {
        var customer = await _steps.EstablishedAsync(30_000m);
        var store = await Api.FundedAccountAsync(0m);

        var paid = await _steps.PayAsync(customer, store.AccountId, 12_000m, merchantCategory: "electronics");

        Assert.Equal("Completed", paid.Str("status"));
        await AssertUntouchedAsync(customer, events: 8);
        await AssertUntouchedAsync(store, events: 1);
    }

    [Fact]
    public async Task TripOrganiser_FriendsPayTheirSharesThenTheAgencyIsPaid_Completes()
    {
        var organiser = await _steps.EstablishedAsync(1_000m);
        var agency = await Api.FundedAccountAsync(0m);
        var friends = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Api.FundedAccountAsync(3_000m)));
        foreach (var friend in friends)
        {
            Assert.Equal("Completed", (await _steps.PayAsync(organiser, friend.AccountId, 60m)).Str("status")); // dinners paid before
        }

        foreach (var friend in friends)
        {
            Assert.Equal("Completed", (await _steps.PayAsync(friend, organiser.AccountId, 2_400m)).Str("status"));
        }

        await _steps.SeenAsync(organiser.CustomerId, 7 + 3 + 3);
        var trip = await _steps.PayAsync(organiser, agency.AccountId, 7_000m, merchantCategory: "travel");

        Assert.Equal("Completed", trip.Str("status"));
        Assert.False(FraudSteps.HasReason(trip, "PASS_THROUGH"));
        await AssertUntouchedAsync(organiser, events: 14);
    }

    [Fact]
    public async Task Flatmates_PayTheSameNewLandlordTheirShareOfTheDeposit_LandlordUntouched()
    {
        var landlord = await Api.FundedAccountAsync(0m);
        var flatmates = await Task.WhenAll(_steps.EstablishedAsync(8_000m), _steps.EstablishedAsync(8_000m));

        foreach (var flatmate in flatmates)
        {
            Assert.Equal("Completed", (await _steps.PayAsync(flatmate, landlord.AccountId, 3_000m)).Str("status"));
        }

        await AssertUntouchedAsync(landlord, events: 2);
        foreach (var flatmate in flatmates)
        {
            await AssertUntouchedAsync(flatmate, events: 8);
        }
    }

    /// <summary>
    /// No case, not High, not frozen, once the engine has taken in the customer's <paramref name="events"/> events: the
    /// last payments reach it on the activity stream after their answers, and checked before that nothing could fail.
    /// </summary>
    private async Task AssertUntouchedAsync(Holder holder, long events)
    {
        await _steps.SeenAsync(holder.CustomerId, events);
        var risk = await _steps.RiskAsync(holder.CustomerId);
        Assert.Equal(JsonValueKind.Null, risk.GetProperty("openCaseId").ValueKind);
        Assert.NotEqual("High", risk.Str("riskLevel"));
        Assert.Equal("Active", await _steps.AccountStatusAsync(holder));
    }
}
