using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.UnitTests.Risk;

/// <summary>
/// A busy customer's risk state written in parts, both parts stored through the platform's serializer and read back, is
/// the state it was, byte for byte, after payments in and out, a payee paid again and decisions labelled since the
/// cold part was taken; and what the state carries is a small part of the whole.
/// </summary>
public sealed class RiskWindowsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly StateJsonSerializer _serializer = new();

    [Fact]
    public void Written_AfterChangesSinceThePart_ReadsBackAsTheWholeState()
    {
        var state = BusyRiskState.Build(Now);
        var windows = RiskWindows.Take(state);
        Change(state);
        var whole = _serializer.Serialize(state).ToArray();

        var (stored, inline, runs, stale) = windows.Written(state);
        var head = _serializer.Serialize(stored).ToArray();
        var part = _serializer.Serialize(windows.ToStored());

        Assert.Null(state.Parts);
        Assert.Equal(whole, _serializer.Serialize(state).ToArray()); // writing changed nothing of the state
        var read = _serializer.Deserialize<RiskState>(new BinaryData(head));
        Assert.Equal(windows.Id, read.Parts!.Id);
        RiskWindows.Read(_serializer.Deserialize<RiskWindowsState>(part)).Join(read);
        Assert.Null(read.Parts);
        Assert.Equal(whole, _serializer.Serialize(read).ToArray());
        Assert.InRange(inline, 8, WindowPartsPolicy.MaxInline);
        Assert.InRange(runs, 5, WindowPartsPolicy.MaxRuns);
        Assert.InRange(stale, 3, WindowPartsPolicy.MaxStale);
        var windowBytes = whole.Length - WithoutWindows(state);
        var carried = head.Length - WithoutWindows(state);
        Assert.True(carried * 5 < windowBytes, $"the state in parts carries {carried} bytes of its windows' {windowBytes}");
    }

    [Fact]
    public void Written_RightAfterThePartIsTaken_HoldsNothingInline()
    {
        var state = BusyRiskState.Build(Now);
        Assert.True(WindowPartsPolicy.InParts(inParts: false, RiskWindows.Records(state), WindowPartsPolicy.MinRecords));
        var windows = RiskWindows.Take(state);

        var (stored, inline, runs, stale) = windows.Written(state);

        Assert.Equal((0, 5, 0), (inline, runs, stale));
        Assert.Empty(stored.Profile.Payments);
        Assert.Empty(stored.Decisions);
        Assert.Equal(state.Audit.Count, stored.Audit.Count); // members outside the windows are carried as they are
    }

    [Fact]
    public void Take_PayeesChangedInPlaceAfterwards_ThePartKeepsThemAsTaken()
    {
        var state = BusyRiskState.Build(Now);
        var windows = RiskWindows.Take(state);
        var taken = _serializer.Serialize(windows.ToStored()).ToArray();

        state.Profile.Payees[3].Payments += 5;
        state.Profile.Payees[3].LastPaid = Now;

        Assert.Equal(taken, _serializer.Serialize(windows.ToStored()).ToArray());
        Assert.Same(state.Profile.Payees[3], Assert.Single(windows.Written(state).Stored.Profile.Payees));
    }

    [Fact]
    public void Join_ThenAPayeeChangedInPlace_TheNextWriteHoldsItInlineAndReadsBackAsChanged()
    {
        var state = BusyRiskState.Build(Now);
        var taken = RiskWindows.Take(state);
        var read = _serializer.Deserialize<RiskState>(_serializer.Serialize(taken.Written(state).Stored));
        var part = RiskWindows.Read(_serializer.Deserialize<RiskWindowsState>(_serializer.Serialize(taken.ToStored())));
        part.Join(read);

        read.Profile.Payees[7].Payments++; // as the tracker does when the payee is paid again
        var expected = _serializer.Serialize(read).ToArray();
        var (again, inline, _, _) = part.Written(read);
        var back = _serializer.Deserialize<RiskState>(_serializer.Serialize(again));
        part.Join(back);

        Assert.Equal(1, inline);
        Assert.Equal(expected, _serializer.Serialize(back).ToArray());
    }

    [Fact]
    public void Join_PartOfAnotherWrite_Throws()
    {
        var state = BusyRiskState.Build(Now);
        var (stored, _, _, _) = RiskWindows.Take(state).Written(state);
        var other = RiskWindows.Take(state);

        var thrown = Assert.Throws<FormatException>(() => other.Join(stored));

        Assert.Contains(stored.Parts!.Id, thrown.Message, StringComparison.Ordinal);
    }

    /// <summary>The bytes of the state with its windows empty: what any write of it carries besides them.</summary>
    private int WithoutWindows(RiskState state)
    {
        var bare = state.ShallowCopy();
        bare.Profile = state.Profile.ShallowCopy();
        bare.Profile.Payments = [];
        bare.Profile.Inflows = [];
        bare.Profile.Payees = [];
        bare.Profile.SeenEventDigests = [];
        bare.Decisions = [];
        return _serializer.Serialize(bare).ToArray().Length;
    }

    /// <summary>Payments in and out (the oldest dropping out of full windows), a payee paid again, two decisions labelled.</summary>
    private static void Change(RiskState state)
    {
        var payee = state.Profile.Payees[5].AccountId;
        for (var i = 0; i < 3; i++)
        {
            var at = Now.AddMinutes(i);
            var id = FinIds.New("pay", at);
            BehaviourTracker.Observe(state.Profile, new CustomerActivity(
                id + ":" + ActivityKind.PaymentOut, BusyRiskState.Customer, ActivityKind.PaymentOut, at, 20m + i, "CNY", "acc_own",
                i == 0 ? payee : FinIds.New("acc", at), "app", "dev_home", "10.0.0.1", "CN", "Shanghai", null, "Completed"));
            state.Decisions.Add(new DecisionRecord { MovementId = id, At = at, AmountCny = 20m + i });
            BehaviourTracker.Observe(state.Profile, new CustomerActivity(
                FinIds.New("pay", at) + ":" + ActivityKind.PaymentIn, BusyRiskState.Customer, ActivityKind.PaymentIn, at, 5m, "CNY", "acc_own",
                "acc_other", Status: "Completed"));
        }

        state.Decisions.RemoveRange(0, 2);
        state.Decisions[10] = state.Decisions[10] with { CaseId = "case_9" };
        state.Profile.Payments.RemoveRange(0, 4);
    }
}
