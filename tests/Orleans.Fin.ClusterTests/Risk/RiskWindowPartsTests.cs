using Microsoft.Extensions.DependencyInjection;
using Orleans.Fin.Common;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;
using Orleans.Fin.TestSupport;
using Orleans.Storage;

namespace Orleans.Fin.ClusterTests.Risk;

/// <summary>
/// A customer with long windows has its risk state written in parts: the windows in a cold part beside the state, each
/// write carrying only what is not in it. Read back, on a new activation, every window is whole; a write that fails, or
/// commits and loses its answer, whether of the state or of a cold part, loses none of it; another writer's state is
/// never overwritten; and a state whose cold part is missing does not activate.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RiskWindowPartsTests(ClusterFixture fixture)
{
    private static readonly StateJsonSerializer Serializer = new();

    private readonly RiskScenario _risk = new(fixture.Client);

    private IGrainStorage Storage => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(FinNames.Storage);

    [Fact]
    public async Task Payments_CustomerWithLongWindows_StateWrittenInPartsAndReadWholeByTheNextActivation()
    {
        var (customer, from, to, busy) = await CustomerWithLongWindowsAsync();
        var risk = _risk.Risk(customer);
        List<string> paid = [await PayAsync(customer, from, to), await PayAsync(customer, from, to)];
        await RiskScenario.EventuallyAsync(async () => (await StoredWholeAsync(customer)).Decisions.Count == busy.Decisions.Count + 2, "both decisions are stored");

        var head = (await fixture.StoredStateAsync<RiskState>("risk", risk.GetGrainId()))!;
        var parts = Assert.IsType<RiskWindowParts>(head.Parts);
        var cold = (await fixture.StoredStateAsync<RiskWindowsState>(RiskWindowsState.StateName(parts.Id), risk.GetGrainId()))!;
        Assert.Equal(parts.Id, cold.Id);
        Assert.True(head.Decisions.Count <= 2, $"the state holds {head.Decisions.Count} decisions inline");
        Assert.True(cold.Decisions.Count >= busy.Decisions.Count);

        await fixture.Cluster.DeactivateAsync(risk);
        paid.Add(await PayAsync(customer, from, to));
        await RiskScenario.EventuallyAsync(async () => (await StoredWholeAsync(customer)).Decisions.Count == busy.Decisions.Count + 3, "the third decision is stored");

        AssertHistoryKept(busy, await StoredWholeAsync(customer), paid, to);
    }

    [Theory]
    [InlineData("risk", WriteFault.BeforeCommit)]
    [InlineData("risk", WriteFault.AfterCommit)]
    [InlineData("risk", WriteFault.AnswerLost)]
    [InlineData("riskWindows", WriteFault.BeforeCommit)]
    [InlineData("riskWindows", WriteFault.AfterCommit)]
    [InlineData("riskWindows", WriteFault.AnswerLost)]
    public async Task Payments_WriteInPartsFailsOrLosesItsAnswer_EveryWindowKept(string stateName, WriteFault fault)
    {
        var (customer, from, to, busy) = await CustomerWithLongWindowsAsync();
        var risk = _risk.Risk(customer);

        FaultInjection.FailStateWrite(stateName, customer, skip: 0, fault);
        var first = await PayAsync(customer, from, to);
        await RiskScenario.EventuallyAsync(
            async () => FaultInjection.FailingWrites.IsEmpty && (await StoredWholeAsync(customer)).Decisions.Any(d => d.MovementId == first),
            "the fault happens and the first decision is stored");
        var second = await PayAndStoreAsync(customer, from, to, "the second decision is stored");

        await fixture.Cluster.DeactivateAsync(risk);
        var third = await PayAndStoreAsync(customer, from, to, "the third decision is stored");

        Assert.NotNull((await fixture.StoredStateAsync<RiskState>("risk", risk.GetGrainId()))!.Parts);
        AssertHistoryKept(busy, await StoredWholeAsync(customer), [first, second, third], to);
    }

    [Fact]
    public async Task Payments_StateWriteStoredOnlyAfterItWasSettled_TheChangesMadeSinceAreKept()
    {
        var (customer, from, to, busy) = await CustomerWithLongWindowsAsync();
        var risk = _risk.Risk(customer);

        // The write fails, a read finds it not stored, and it is stored just before the next write, which it makes stale.
        FaultInjection.FailStateWrite("risk", customer, skip: 0, WriteFault.LandsLate);
        var first = await PayAsync(customer, from, to);
        await RiskScenario.EventuallyAsync(() => Task.FromResult(FaultInjection.FailingWrites.IsEmpty), "a write of the state is sent and not stored");
        var second = await PayAndStoreAsync(customer, from, to, "the change made after it is stored"); // a change after it, in the next write

        await fixture.Cluster.DeactivateAsync(risk);
        var third = await PayAndStoreAsync(customer, from, to, "the third decision is stored");
        AssertHistoryKept(busy, await StoredWholeAsync(customer), [first, second, third], to);
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
        var second = await PayAndStoreAsync(customer, from, to, "the decision made after it is stored");

        var stored = await StoredWholeAsync(customer);
        Assert.Null(stored.Parts);
        Assert.Equal([first, second], stored.Decisions.Select(d => d.MovementId));
    }

    [Fact]
    public async Task Payments_StateStoredByAnotherWriterAfterAFailedWrite_IsNotOverwritten()
    {
        var (customer, from, to, _) = await CustomerWithLongWindowsAsync();
        var risk = _risk.Risk(customer);

        FaultInjection.FailStateWrite("risk", customer, skip: 0, WriteFault.BeforeCommit);
        await PayAsync(customer, from, to);
        await RiskScenario.EventuallyAsync(() => Task.FromResult(FaultInjection.FailingWrites.IsEmpty), "a write of the state fails");
        var elsewhere = new GrainState<RiskState>();
        await Storage.ReadStateAsync("risk", risk.GetGrainId(), elsewhere);
        var other = Assert.IsType<RiskState>(elsewhere.State);
        other.Flags.Add("written-elsewhere");
        other.WriteId = "elsewhere";
        await Storage.WriteStateAsync("risk", risk.GetGrainId(), elsewhere);

        await fixture.Cluster.DeactivateAsync(risk); // its last write (or its flush before) finds the other write: it writes nothing
        var second = await PayAndStoreAsync(customer, from, to, "the next activation stores a decision");

        Assert.Contains("written-elsewhere", (await StoredWholeAsync(customer)).Flags);
    }

    [Fact]
    public async Task Payments_ColdPartMostlyNoLongerInTheWindows_RewrittenAndTheOldOneCleared()
    {
        var (customer, from, to, busy) = await CustomerWithLongWindowsAsync();
        var risk = _risk.Risk(customer);
        var old = RiskWindows.Take(BusyRiskState.WithDigestsGone(busy, WindowPartsPolicy.MaxStale + 8));
        await Storage.WriteStateAsync(RiskWindowsState.StateName(old.Id), risk.GetGrainId(), new GrainState<RiskWindowsState>(old.ToStored()));
        var stored = new GrainState<RiskState>();
        await Storage.ReadStateAsync("risk", risk.GetGrainId(), stored);
        stored.State = old.Written(busy).Stored;
        await Storage.WriteStateAsync("risk", risk.GetGrainId(), stored);

        var paid = await PayAsync(customer, from, to);
        await RiskScenario.EventuallyAsync(
            async () => (await fixture.StoredStateAsync<RiskState>("risk", risk.GetGrainId()))!.Parts!.Id != old.Id, "a new cold part is written");

        Assert.Null(await fixture.StoredStateAsync<RiskWindowsState>(RiskWindowsState.StateName(old.Id), risk.GetGrainId()));
        AssertHistoryKept(busy, await StoredWholeAsync(customer), [paid], to);
    }

    [Fact]
    public async Task GetProfile_StateRefersToAColdPartNotStored_DoesNotActivate()
    {
        var (customer, _, _, busy) = await CustomerWithLongWindowsAsync();
        var risk = _risk.Risk(customer);
        var stored = new GrainState<RiskState>();
        await Storage.ReadStateAsync("risk", risk.GetGrainId(), stored);
        var (inParts, _, _, _) = RiskWindows.Take(busy).Written(busy); // its cold part is never stored
        stored.State = inParts;
        await Storage.WriteStateAsync("risk", risk.GetGrainId(), stored);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => risk.GetProfile());

        Assert.Contains(inParts.Parts!.Id, refused.ToString(), StringComparison.Ordinal);
        var after = new GrainState<RiskState>();
        await Storage.ReadStateAsync("risk", risk.GetGrainId(), after);
        Assert.Equal(inParts.Parts.Id, after.State!.Parts!.Id); // nothing was written over it
    }

    /// <summary>A new customer whose stored risk state is a busy one: windows long enough to be written in parts.</summary>
    private async Task<(string Customer, string From, string To, RiskState Busy)> CustomerWithLongWindowsAsync()
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
        Assert.True(WindowPartsPolicy.InParts(inParts: false, RiskWindows.Records(busy), WindowPartsPolicy.MinRecords));
        stored.State = busy;
        await Storage.WriteStateAsync("risk", risk.GetGrainId(), stored);
        return (customer, from, to, busy);
    }

    /// <summary>
    /// Every window of <paramref name="whole"/> is the busy customer's, record for record, with the payments made since
    /// added: in its payments, decisions and event digests, and as one new payee paid that many times.
    /// </summary>
    private static void AssertHistoryKept(RiskState busy, RiskState whole, List<string> paid, string to)
    {
        Assert.Equal(Stored(busy.Profile.Inflows), Stored(whole.Profile.Inflows));
        Assert.Equal(Stored(busy.Profile.Payments), Stored(whole.Profile.Payments.Take(busy.Profile.Payments.Count)));
        Assert.Equal(busy.Profile.Payments.Count + paid.Count, whole.Profile.Payments.Count);
        Assert.Equal(busy.Profile.SeenEventDigests, whole.Profile.SeenEventDigests.Take(busy.Profile.SeenEventDigests.Count));
        Assert.Equal(busy.Profile.SeenEventDigests.Count + paid.Count, whole.Profile.SeenEventDigests.Count);
        Assert.Equal(Stored(busy.Profile.Payees), Stored(whole.Profile.Payees.Take(busy.Profile.Payees.Count)));
        var payee = Assert.Single(whole.Profile.Payees.Skip(busy.Profile.Payees.Count));
        Assert.Equal((to, paid.Count), (payee.AccountId, payee.Payments));
        Assert.Equal(Stored(busy.Decisions), Stored(whole.Decisions.Take(busy.Decisions.Count)));
        Assert.Equal(paid, whole.Decisions.Skip(busy.Decisions.Count).Select(d => d.MovementId));
    }

    /// <summary>Records as the platform stores them (rows), to compare every stored field.</summary>
    private static string Stored<T>(IEnumerable<T> records) => Serializer.Serialize(records.ToList()).ToString();

    private async Task<string> PayAsync(string customer, string from, string to)
    {
        var id = RiskScenario.NewPaymentId();
        Assert.Equal(MovementStatus.Completed, (await _risk.PayAsync(id, customer, from, to, 12m)).Status);
        return id;
    }

    /// <summary>Pays, then waits until the payment's decision is in the customer's stored risk state.</summary>
    private async Task<string> PayAndStoreAsync(string customer, string from, string to, string what)
    {
        var id = await PayAsync(customer, from, to);
        await RiskScenario.EventuallyAsync(async () => (await StoredWholeAsync(customer)).Decisions.Any(d => d.MovementId == id), what);
        return id;
    }

    /// <summary>The customer's stored risk state, joined with the cold part it refers to when it is stored in parts.</summary>
    private async Task<RiskState> StoredWholeAsync(string customer)
    {
        var id = _risk.Risk(customer).GetGrainId();
        var state = (await fixture.StoredStateAsync<RiskState>("risk", id))!;
        if (state.Parts is { } parts)
        {
            var cold = await fixture.StoredStateAsync<RiskWindowsState>(RiskWindowsState.StateName(parts.Id), id);
            RiskWindows.Read(cold!).Join(state);
        }

        return state;
    }
}
