using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Payments;
using Orleans.Fin.TestSupport;
using Orleans.Runtime;
using Orleans.Streams;

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
        var received = new TaskCompletionSource<CustomerActivity>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = fixture.Client.GetStreamProvider(FinNames.StreamProvider)
            .GetStream<CustomerActivity>(StreamId.Create(FinNames.CustomerActivityNamespace, customerId));
        var handle = await stream.SubscribeAsync((activity, _) =>
        {
            received.TrySetResult(activity);
            return Task.CompletedTask;
        });

        await fixture.Client.GetGrain<ICustomerGrain>(customerId).RecordLogin(new LoginAttempt("device-9", "203.0.113.7", "CN", "Shanghai"));
        var activity = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await handle.UnsubscribeAsync();

        Assert.Equal(ActivityKind.Login, activity.Kind);
        Assert.Equal("device-9", activity.DeviceId);
        Assert.Equal("Shanghai", activity.City);
    }

    [Fact]
    public async Task Payment_IsPublishedToPayerAndPayee()
    {
        var (payer, from) = await _scenario.FundedAccountAsync(100m);
        var (payee, to) = await _scenario.FundedAccountAsync(0m);
        var payerEvents = await SubscribeAsync(payer);
        var payeeEvents = await SubscribeAsync(payee);

        await fixture.Client.GetGrain<IMoneyMovementGrain>(FinIds.New(IdPrefixes.Payment, DateTimeOffset.UtcNow))
            .Execute(ClusterScenario.Payment(payer, from, to, 30m));

        var outgoing = await payerEvents.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var incoming = await payeeEvents.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((ActivityKind.PaymentOut, 30m, to), (outgoing.Kind, outgoing.Amount!.Value, outgoing.CounterpartyAccountId));
        Assert.Equal((ActivityKind.PaymentIn, 30m, from), (incoming.Kind, incoming.Amount!.Value, incoming.CounterpartyAccountId));
    }

    private async Task<TaskCompletionSource<CustomerActivity>> SubscribeAsync(string customerId)
    {
        var received = new TaskCompletionSource<CustomerActivity>(TaskCreationOptions.RunContinuationsAsynchronously);
        await fixture.Client.GetStreamProvider(FinNames.StreamProvider)
            .GetStream<CustomerActivity>(StreamId.Create(FinNames.CustomerActivityNamespace, customerId))
            .SubscribeAsync((activity, _) =>
            {
                if (activity.Kind is ActivityKind.PaymentOut or ActivityKind.PaymentIn)
                {
                    received.TrySetResult(activity);
                }

                return Task.CompletedTask;
            });
        return received;
    }
}
