using Microsoft.Extensions.DependencyInjection;
using Orleans.Fin.Common;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk;
using Orleans.Fin.TestSupport;
using Orleans.Storage;

namespace Orleans.Fin.ClusterTests.Risk;

/// <summary>
/// A customer with long windows has its risk state written in parts: the windows in a cold part beside the state, each
/// write carrying only what is not in it. Read back, on a new activation, the windows are whole; and a write that fails,
/// or commits and loses its answer, whether of the state or of its cold part, loses none of the stored history.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RiskWindowPartsTests(ClusterFixture fixture)
{
    private const int History = 60; // decisions awaiting labels in the busy customer's stored state

    private readonly RiskScenario _risk = new(fixture.Client);

    private IGrainStorage Storage => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(FinNames.Storage);

    [Fact]
    public async Task Payments_CustomerWithLongWindows_StateWrittenInPartsAndReadWholeByTheNextActivation()
    {
        var (customer, from, to) = await CustomerWithLongWindowsAsync();
        var risk = _risk.Risk(customer);
        List<string> paid = [await PayAsync(customer, from, to), await PayAsync(customer, from, to)];
        await RiskScenario.EventuallyAsync(async () => (await StoredWholeAsync(customer)).Decisions.Count == History + 2, "both decisions are stored");

        var head = (await fixture.StoredStateAsync<RiskState>("risk", risk.GetGrainId()))!;
        var parts = Assert.IsType<RiskWindowParts>(head.Parts);
        var cold = (await fixture.StoredStateAsync<RiskWindowsState>("riskWindows" + parts.Slot, risk.GetGrainId()))!;
        Assert.Equal(parts.Id, cold.Id);
        Assert.True(head.Decisions.Count <= 2, $"the state holds {head.Decisions.Count} decisions inline");
        Assert.True(cold.Decisions.Count >= History);

        await fixture.Cluster.DeactivateAsync(risk);
        paid.Add(await PayAsync(customer, from, to));
        await RiskScenario.EventuallyAsync(async () => (await StoredWholeAsync(customer)).Decisions.Count == History + 3, "the third decision is stored");

        var whole = await StoredWholeAsync(customer);
        Assert.Equal(paid, whole.Decisions.Skip(History).Select(d => d.MovementId));
        Assert.True(whole.Profile.Payees.Count >= 40);
        Assert.True(whole.Profile.SeenEventDigests.Count > 100);
    }

    [Theory]
    [InlineData("risk", WriteFault.BeforeCommit)]
    [InlineData("risk", WriteFault.AfterCommit)]
    [InlineData("risk", WriteFault.AnswerLost)]
    [InlineData("riskWindows0", WriteFault.BeforeCommit)]
    [InlineData("riskWindows0", WriteFault.AfterCommit)]
    [InlineData("riskWindows0", WriteFault.AnswerLost)]
    public async Task Payments_WriteInPartsFailsOrLosesItsAnswer_NoStoredHistoryIsLost(string stateName, WriteFault fault)
    {
        var (customer, from, to) = await CustomerWithLongWindowsAsync();
        var risk = _risk.Risk(customer);

        FaultInjection.FailStateWrite(stateName, customer, skip: 0, fault);
        var first = await PayAsync(customer, from, to);
        await RiskScenario.EventuallyAsync(
            async () => FaultInjection.FailingWrites.IsEmpty && (await StoredWholeAsync(customer)).Decisions.Any(d => d.MovementId == first),
            "the fault happens and the first decision is stored");
        var second = await PayAsync(customer, from, to);
        await RiskScenario.EventuallyAsync(
            async () => (await StoredWholeAsync(customer)).Decisions.Any(d => d.MovementId == second), "the second decision is stored");

        await fixture.Cluster.DeactivateAsync(risk);
        var third = await PayAsync(customer, from, to);
        await RiskScenario.EventuallyAsync(
            async () => (await StoredWholeAsync(customer)).Decisions.Any(d => d.MovementId == third), "the third decision is stored");

        Assert.NotNull((await fixture.StoredStateAsync<RiskState>("risk", risk.GetGrainId()))!.Parts);
        var whole = await StoredWholeAsync(customer);
        Assert.Equal(History + 3, whole.Decisions.Count);
        Assert.Equal([first, second, third], whole.Decisions.Skip(History).Select(d => d.MovementId));
    }

    [Fact]
    public async Task Payments_WholeStateWriteLosesItsAnswer_TheNextWriteStoresTheChangesMadeSince()
    {
        var (customer, from) = await _risk.Money.FundedAccountAsync(1_000m);
        var (_, to) = await _risk.Money.FundedAccountAsync(0m);
        var risk = _risk.Risk(customer);
        await RiskScenario.EventuallyAsync(async () => (await risk.GetProfile()).ObservedEvents >= 1, "the deposit is observed");

        FaultInjection.FailStateWrite("risk", customer, skip: 0, WriteFault.AnswerLost);
        var first = await PayAsync(customer, from, to);
        await RiskScenario.EventuallyAsync(() => Task.FromResult(FaultInjection.FailingWrites.IsEmpty), "the answer of a write is lost");
        var second = await PayAsync(customer, from, to);
        await RiskScenario.EventuallyAsync(
            async () => (await StoredWholeAsync(customer)).Decisions.Any(d => d.MovementId == second), "the decision made after it is stored");

        var stored = await StoredWholeAsync(customer);
        Assert.Null(stored.Parts);
        Assert.Equal([first, second], stored.Decisions.Select(d => d.MovementId));
    }

    /// <summary>A new customer whose stored risk state is a busy one: windows long enough to be written in parts.</summary>
    private async Task<(string Customer, string From, string To)> CustomerWithLongWindowsAsync()
    {
        var (customer, from) = await _risk.Money.FundedAccountAsync(10_000m);
        var (_, to) = await _risk.Money.FundedAccountAsync(0m);
        var risk = _risk.Risk(customer);
        await RiskScenario.EventuallyAsync(async () => (await risk.GetProfile()).ObservedEvents >= 1, "the deposit is observed");
        await fixture.Cluster.DeactivateAsync(risk);

        var stored = new GrainState<RiskState>();
        await Storage.ReadStateAsync("risk", risk.GetGrainId(), stored);
        var busy = BusyRiskState.Build(ClusterFixture.Now.AddHours(-20)); // long enough ago that no burst rule counts it
        busy.AuditCount = busy.Audit.Count;
        Assert.Equal(History, busy.Decisions.Count);
        stored.State = busy;
        await Storage.WriteStateAsync("risk", risk.GetGrainId(), stored);
        return (customer, from, to);
    }

    private async Task<string> PayAsync(string customer, string from, string to)
    {
        var id = RiskScenario.NewPaymentId();
        Assert.Equal(MovementStatus.Completed, (await _risk.PayAsync(id, customer, from, to, 12m)).Status);
        return id;
    }

    /// <summary>The customer's stored risk state, joined with the cold part it refers to when it is stored in parts.</summary>
    private async Task<RiskState> StoredWholeAsync(string customer)
    {
        var id = _risk.Risk(customer).GetGrainId();
        var state = (await fixture.StoredStateAsync<RiskState>("risk", id))!;
        if (state.Parts is { } parts)
        {
            var cold = await fixture.StoredStateAsync<RiskWindowsState>("riskWindows" + parts.Slot, id);
            RiskWindows.Read(cold!, parts.Slot).Join(state);
        }

        return state;
    }
}
