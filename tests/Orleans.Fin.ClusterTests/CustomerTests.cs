using Orleans.Fin.ClusterTests.Risk;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.ClusterTests;

[Collection(ClusterCollection.Name)]
public sealed class CustomerTests(ClusterFixture fixture)
{
    private readonly ClusterScenario _scenario = new(fixture.Client);

    [Fact]
    public async Task Register_ConcurrentlyForOneIdentity_CreatesOneCustomer()
    {
        var indexKey = Guid.NewGuid().ToString("N");
        var draft = new CustomerDraft("Same Person", "1101**********0011", new DateOnly(1990, 1, 1), "110105", TestData.Phone(), "d");

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => fixture.Client.GetGrain<IIdentityIndexGrain>(indexKey).Register(draft)));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.CustomerId).Distinct());
    }

    [Fact]
    public async Task RecordLogin_PublishesOnTheCustomersActivityStream()
    {
        var customerId = await _scenario.NewCustomerAsync();

        await fixture.Client.GetGrain<ICustomerGrain>(customerId).RecordLogin(new LoginAttempt("device-9", "203.0.113.7", "CN", "Shanghai"));

        // The stream's subscriber is the customer's risk grain (implicit); what it took in is in its stored profile.
        LoginRecord? login = null;
        await RiskScenario.EventuallyAsync(async () =>
        {
            login = (await StoredRiskAsync(customerId))?.Profile.Logins is [.., var last] ? last : null;
            return login is not null;
        }, "the login reaches the risk grain's stored profile");
        var seen = login!.Value; // window records are values
        Assert.Equal(("device-9", "CN", "Shanghai"), (seen.DeviceId, seen.Country, seen.City));
    }

    [Fact]
    public async Task Payment_IsPublishedToPayerAndPayee()
    {
        var (payer, from) = await _scenario.FundedAccountAsync(100m);
        var (payee, to) = await _scenario.FundedAccountAsync(0m);

        await fixture.Client.GetGrain<IMoneyMovementGrain>(FinIds.New(IdPrefixes.Payment, ClusterFixture.Now))
            .Execute(ClusterScenario.Payment(payer, from, to, 30m));

        PaymentRecord? outgoing = null;
        InflowRecord? incoming = null;
        await RiskScenario.EventuallyAsync(async () =>
        {
            outgoing = (await StoredRiskAsync(payer))?.Profile.Payments is [var paid] ? paid : null;
            incoming = (await StoredRiskAsync(payee))?.Profile.Inflows.FindAll(i => i.CounterpartyAccountId == from) is [var received] ? received : null;
            return outgoing is not null && incoming is not null;
        }, "the payment reaches both customers' risk grains");
        Assert.Equal((30m, "CNY", to, false), (outgoing!.Value.Amount, outgoing.Value.Currency, outgoing.Value.PayeeAccountId, outgoing.Value.Declined));
        Assert.Equal(30m, incoming!.Value.AmountCny);
    }

    /// <summary>The customer's risk state as last written (routine changes are flushed within a second).</summary>
    private Task<RiskState?> StoredRiskAsync(string customerId) =>
        fixture.StoredStateAsync<RiskState>("risk", fixture.Client.GetGrain<IRiskGrain>(customerId).GetGrainId());
}
