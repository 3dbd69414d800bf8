using System.Globalization;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Payments;
using Orleans.Fin.Wealth;

namespace Orleans.Fin.WealthBench;

/// <summary>Builds investors straight through the grains, the way the REST handlers do, a bounded number at a time.</summary>
public sealed class Population(IGrainFactory grains, TimeProvider clock, int parallelism)
{
    /// <summary>C3 (balanced): five products, the widest model portfolio a moderate customer gets.</summary>
    public static readonly RiskAnswers Balanced = new([3, 3, 3, 3, 3], "Growth", 10);

    /// <summary>Registers, funds and opens <paramref name="count"/> investors, each subscribing along the target allocation.</summary>
    public async Task<IReadOnlyList<Investor>> OpenAsync(int count, decimal deposit, decimal alongTargets)
    {
        var investors = new Investor[count];
        await ForEach(Enumerable.Range(0, count), async i => investors[i] = await OpenOneAsync(i, deposit, alongTargets));
        return investors;
    }

    /// <summary>Subscribes <paramref name="amount"/> into one product in every portfolio, pushing it beyond the drift band.</summary>
    public Task DriftAsync(IReadOnlyList<Investor> investors, decimal amount, string productId) =>
        ForEach(investors, investor => SubscribeAsync(investor, amount, productId));

    /// <summary>Runs <paramref name="work"/> over the items with at most the configured number in flight.</summary>
    public Task ForEach<T>(IEnumerable<T> items, Func<T, Task> work) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (item, _) => await work(item));

    private async Task<Investor> OpenOneAsync(int n, decimal deposit, decimal alongTargets)
    {
        var identity = "110105" + "1990" + (n % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        var draft = new CustomerDraft(
            "Bench Investor", ResidentIdentityRules.Mask(identity), new DateOnly(1990, 1, 1), "110105",
            "139" + (n % 100_000_000).ToString("D8", CultureInfo.InvariantCulture), "bench-device-" + n.ToString(CultureInfo.InvariantCulture));
        var customerId = (await grains.GetGrain<IIdentityIndexGrain>(Guid.NewGuid().ToString("N")).Register(draft)).CustomerId;
        var account = await grains.GetGrain<ICustomerGrain>(customerId).OpenAccount("CNY");
        var deposited = await grains.GetGrain<IMoneyMovementGrain>(FinIds.New(IdPrefixes.Deposit, clock.GetUtcNow())).Execute(
            new MovementRequest(MovementKind.Deposit, $"bench-deposit:{account.Id}", customerId, null, account.Id, deposit, "", "bench"));
        Require(deposited.Status == MovementStatus.Completed, $"deposit into {account.Id} ended {deposited.Status}");

        var portfolioId = FinIds.New(IdPrefixes.Portfolio, clock.GetUtcNow());
        await grains.GetGrain<IPortfolioGrain>(portfolioId).Open(new PortfolioOpening(customerId, account.Id, Balanced, customerId));
        var investor = new Investor(customerId, account.Id, portfolioId);
        await SubscribeAsync(investor, alongTargets, productId: null);
        return investor;
    }

    private async Task SubscribeAsync(Investor investor, decimal amount, string? productId)
    {
        var orderId = FinIds.New(IdPrefixes.FundSubscription, clock.GetUtcNow());
        var result = await grains.GetGrain<IPortfolioGrain>(investor.PortfolioId)
            .Subscribe(new FundOrder(orderId, $"bench:{orderId}", amount, productId, investor.CustomerId));
        Require(result.Status == "Completed", $"subscription {orderId} into {investor.PortfolioId} ended {result.Status} ({result.DeclineReason})");
    }

    private static void Require(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Setup failed: " + failure);
        }
    }
}
