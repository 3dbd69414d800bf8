using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Notifications;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk;
using Orleans.Runtime;

namespace Orleans.Fin.ClusterTests.Risk;

/// <summary>Steps the risk tests share: payments with a device and a code, reading codes and cases, waiting for the stream.</summary>
public sealed class RiskScenario(IClusterClient client)
{
    public const string BoundDevice = "device-1";

    public ClusterScenario Money { get; } = new(client);

    public IRiskGrain Risk(string customerId) => client.GetGrain<IRiskGrain>(customerId);

    public static string NewPaymentId() => FinIds.New(IdPrefixes.Payment, DateTimeOffset.UtcNow);

    public static MovementRequest Payment(string customerId, string from, string to, decimal amount, string device = BoundDevice, string? otp = null) =>
        ClusterScenario.Payment(customerId, from, to, amount) with
        {
            RequestHash = $"pay:{from}:{to}:{amount}:{device}",
            DeviceId = device,
            Otp = otp,
        };

    public Task<MovementResult> PayAsync(string movementId, string customerId, string from, string to, decimal amount, string device = BoundDevice, string? otp = null) =>
        client.GetGrain<IMoneyMovementGrain>(movementId).Execute(Payment(customerId, from, to, amount, device, otp));

    /// <summary>Pays, answering a one-time-code challenge with the code from the outbox if one comes.</summary>
    public async Task<MovementResult> PayPassingChallengeAsync(string customerId, string from, string to, decimal amount, string device = BoundDevice)
    {
        var id = NewPaymentId();
        var result = await PayAsync(id, customerId, from, to, amount, device);
        if (result.Status == MovementStatus.ChallengeRequired)
        {
            result = await PayAsync(id, customerId, from, to, amount, device, await LatestCodeAsync(customerId, id));
        }

        return result;
    }

    public async Task<string> LatestCodeAsync(string customerId, string? reference = null)
    {
        var message = await client.GetGrain<IDevelopmentSmsInboxGrain>(customerId).GetLatestCode();
        Assert.NotNull(message);
        if (reference is not null)
        {
            Assert.Equal(reference, message.Reference);
        }

        return message.Body;
    }

    /// <summary>A different code of the same length (never the right one).</summary>
    public static string WrongCode(string code) => new([.. code.Select(c => (char)('0' + ((c - '0' + 1) % 10)))]);

    public Task LoginAsync(string customerId, string city, string device = BoundDevice, string country = "CN") =>
        client.GetGrain<ICustomerGrain>(customerId).RecordLogin(new LoginAttempt(device, "203.0.113.7", country, city));

    public Task PublishAsync(CustomerActivity activity) =>
        client.GetStreamProvider(FinNames.StreamProvider)
            .GetStream<CustomerActivity>(StreamId.Create(FinNames.CustomerActivityNamespace, activity.CustomerId))
            .OnNextAsync(activity);

    public async Task<AccountView> AccountAsync(string accountId) => (await client.GetGrain<IAccountGrain>(accountId).Get())!;

    public async Task<CaseView> OpenCaseAsync(string customerId) =>
        (await client.GetGrain<IRiskCaseGrain>((await Risk(customerId).GetProfile()).OpenCaseId!).Get())!;

    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string customerId) => (await Risk(customerId).GetAudit(null, 500)).Items;

    public async Task<IReadOnlyList<AlertView>> AlertsAsync(string customerId) =>
        (await client.GetGrain<IRiskAlertRegistryGrain>(RiskGrainKeys.Global).List(null, customerId, null, 500)).Items;

    /// <summary>Waits until the customer's risk grain has taken in at least <paramref name="events"/> events of its activity stream.</summary>
    public Task SeenAsync(string customerId, long events) =>
        EventuallyAsync(async () => (await Risk(customerId).GetProfile()).ObservedEvents >= events, $"{events} events of {customerId} are seen");

    /// <summary>Polls until <paramref name="done"/> holds (stream effects are asynchronous); fails after the timeout.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> done, string what, int timeoutSeconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(50);
        }
    }
}
