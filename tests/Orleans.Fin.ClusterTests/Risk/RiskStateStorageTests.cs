using Microsoft.Extensions.DependencyInjection;
using Orleans.Fin.Common;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;
using Orleans.Storage;

namespace Orleans.Fin.ClusterTests.Risk;

/// <summary>
/// What the risk engine keeps of a customer's payments (its window, payees, decisions awaiting labels and audit trail)
/// goes to storage through the platform's serializer and comes back whole when the risk grain activates again (the
/// stored form itself, rows, is checked against PostgreSQL in RiskStateRowsTests).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RiskStateStorageTests(ClusterFixture fixture)
{
    private readonly RiskScenario _risk = new(fixture.Client);

    [Fact]
    public async Task Payments_RiskGrainActivatedAgain_KeepsItsWindowDecisionsAndAuditTrail()
    {
        var (customer, from) = await _risk.Money.FundedAccountAsync(1_000m);
        var payees = new List<string>();
        var paid = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var (_, to) = await _risk.Money.FundedAccountAsync(0m);
            var id = RiskScenario.NewPaymentId();
            Assert.Equal(MovementStatus.Completed, (await _risk.PayAsync(id, customer, from, to, 10m + i)).Status);
            payees.Add(to);
            paid.Add(id);
        }

        var risk = _risk.Risk(customer);
        await RiskScenario.EventuallyAsync(async () => (await risk.GetProfile()).ObservedEvents >= 5, "the payments are observed");
        var audit = await _risk.AuditAsync(customer);
        await fixture.Cluster.DeactivateAsync(risk);

        var stored = await StoredAsync(customer);
        Assert.Equal(paid, stored.Profile.Payments.Select(p => p.Event).Select(e => paid.Single(id => EventKey.Of(id + ":" + ActivityKind.PaymentOut) == e)));
        Assert.Equal(payees.Order(), stored.Profile.Payees.Select(p => p.AccountId).Order());
        Assert.Equal([10m, 11m, 12m, 13m], stored.Profile.Payments.Select(p => p.AmountCny));
        Assert.Equal(paid, stored.Decisions.Select(d => d.MovementId));
        Assert.Contains(stored.Profile.Inflows, i => i.AmountCny == 1_000m);
        Assert.Equal(audit, stored.Audit.Select(a => a.ToEntry()).Reverse()); // the trail reads newest first
        Assert.Equal(audit, await _risk.AuditAsync(customer));
        Assert.True((await risk.GetProfile()).ObservedEvents >= 5);
    }

    private async Task<RiskState> StoredAsync(string customer)
    {
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(FinNames.Storage);
        var state = new GrainState<RiskState>();
        await storage.ReadStateAsync("risk", fixture.Client.GetGrain<IRiskGrain>(customer).GetGrainId(), state);
        return Assert.IsType<RiskState>(state.State);
    }
}
