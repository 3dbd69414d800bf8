using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Payments;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.ClusterTests;

/// <summary>Builds customers and funded accounts straight through the grains.</summary>
public sealed class ClusterScenario(IClusterClient client)
{
    /// <summary>The device every scenario customer signs up on unless given its own.</summary>
    public const string SharedDevice = "device-1";

    public async Task<string> NewCustomerAsync(string device = SharedDevice)
    {
        var id = TestData.IdNumber();
        var draft = new CustomerDraft("Cluster Test", ResidentIdentityRules.Mask(id), new DateOnly(1990, 1, 1), "110105", TestData.Phone(), device);
        var result = await client.GetGrain<IIdentityIndexGrain>(Guid.NewGuid().ToString("N")).Register(draft);
        return result.CustomerId;
    }

    public async Task<(string CustomerId, string AccountId)> FundedAccountAsync(decimal amount, string currency = "CNY", string device = SharedDevice)
    {
        var customerId = await NewCustomerAsync(device);
        var account = await client.GetGrain<ICustomerGrain>(customerId).OpenAccount(currency);
        if (amount > 0)
        {
            await DepositAsync(customerId, account.Id, amount);
        }

        return (customerId, account.Id);
    }

    public Task<MovementResult> DepositAsync(string customerId, string accountId, decimal amount, string? id = null) =>
        client.GetGrain<IMoneyMovementGrain>(id ?? FinIds.New(IdPrefixes.Deposit, DateTimeOffset.UtcNow))
            .Execute(new MovementRequest(MovementKind.Deposit, $"dep:{accountId}:{amount}", customerId, null, accountId, amount, "", "test"));

    /// <summary>A payer's account funded with <paramref name="funded"/>, another customer's empty one, and an id for a payment between them.</summary>
    public async Task<(string Payer, string From, string To, string PaymentId)> PaymentPairAsync(decimal funded)
    {
        var (payer, from) = await FundedAccountAsync(funded);
        var (_, to) = await FundedAccountAsync(0m);
        return (payer, from, to, FinIds.New(IdPrefixes.Payment, DateTimeOffset.UtcNow));
    }

    public static MovementRequest Payment(string customerId, string from, string to, decimal amount, string currency = "CNY") =>
        new(MovementKind.Payment, $"pay:{from}:{to}:{amount}:{currency}", customerId, from, to, amount, currency, "app", "device-1");

    public async Task<decimal> BalanceAsync(string accountId) => (await client.GetGrain<IAccountGrain>(accountId).Get())!.Balance;
}
