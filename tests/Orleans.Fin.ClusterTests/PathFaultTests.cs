using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Payments;

namespace Orleans.Fin.ClusterTests;

/// <summary>
/// Deposits, withdrawals and cross-border payments with a write failing at each account they touch, before or after
/// it commits: each finishes by itself, a replay agrees, each leg is applied once and money is conserved.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PathFaultTests(ClusterFixture fixture)
{
    private readonly ClusterScenario _scenario = new(fixture.Client);
    private readonly LedgerChecks _checks = new(fixture.Client);

    public static TheoryData<MovementKind, int, WriteFault> LegWrites()
    {
        var data = new TheoryData<MovementKind, int, WriteFault>();
        foreach (var fault in new[] { WriteFault.BeforeCommit, WriteFault.AfterCommit })
        {
            data.Add(MovementKind.Deposit, 0, fault);
            data.Add(MovementKind.Deposit, 1, fault);
            data.Add(MovementKind.Withdrawal, 0, fault);
            data.Add(MovementKind.Withdrawal, 1, fault);
            for (var leg = 0; leg < 4; leg++)
            {
                data.Add(MovementKind.Payment, leg, fault);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LegWrites))]
    public async Task Execute_LegWriteFails_FinishesOnceWithoutClient(MovementKind kind, int leg, WriteFault fault)
    {
        var (customer, account) = await _scenario.FundedAccountAsync(1_000m);
        var (_, usd) = await _scenario.FundedAccountAsync(0m, "USD");
        var prefix = kind switch { MovementKind.Deposit => IdPrefixes.Deposit, MovementKind.Withdrawal => IdPrefixes.Withdrawal, _ => IdPrefixes.Payment };
        var id = FinIds.New(prefix, DateTimeOffset.UtcNow);
        var request = kind switch
        {
            MovementKind.Deposit => new MovementRequest(kind, $"dep:{account}", customer, null, account, 200m, "", "test"),
            MovementKind.Withdrawal => new MovementRequest(kind, $"wdr:{account}", customer, account, null, 200m, "", "test"),
            _ => ClusterScenario.Payment(customer, account, usd, 710.50m),
        };
        string[] accounts = kind switch
        {
            MovementKind.Deposit => [SystemAccounts.Settlement("CNY", id), account],
            MovementKind.Withdrawal => [account, SystemAccounts.Settlement("CNY", id)],
            _ => [account, SystemAccounts.FxPosition("CNY", id), SystemAccounts.FxPosition("USD", id), usd],
        };
        FaultInjection.FailWrite(accounts[leg], 0, fault);

        var error = await Assert.ThrowsAsync<FinException>(() => fixture.Client.GetGrain<IMoneyMovementGrain>(id).Execute(request));
        Assert.Equal(FinErrorCode.Unavailable, error.Code);
        await _checks.WaitUntilFinalAsync(id);
        var replay = await fixture.Client.GetGrain<IMoneyMovementGrain>(id).Execute(request);

        Assert.Equal(MovementStatus.Completed, replay.Status);
        foreach (var touched in accounts)
        {
            await fixture.Cluster.DeactivateAsync(fixture.Client.GetGrain<IAccountGrain>(touched));
            await _checks.AssertAppliedOnceAsync(touched, id);
        }

        var expected = kind switch { MovementKind.Deposit => 1_200m, MovementKind.Withdrawal => 800m, _ => 289.50m };
        Assert.Equal(expected, await _scenario.BalanceAsync(account));
        Assert.Equal(kind == MovementKind.Payment ? 100m : 0m, await _scenario.BalanceAsync(usd));
        await _checks.AssertConservedAsync();
    }
}
