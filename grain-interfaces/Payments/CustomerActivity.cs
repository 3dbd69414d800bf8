namespace Orleans.Fin.Payments;

public enum ActivityKind
{
    Login = 0,
    Deposit = 1,
    Withdrawal = 2,
    PaymentOut = 3,
    PaymentIn = 4,

    /// <summary>A new device was bound to the customer (after its step-up, or by an operator).</summary>
    DeviceBound = 5,
}

/// <summary>
/// One event on a customer's activity stream. <paramref name="EventId"/> is unique per event so that consumers can
/// drop redelivered copies.
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.CustomerActivity")]
public sealed record CustomerActivity(
    string EventId,
    string CustomerId,
    ActivityKind Kind,
    DateTimeOffset At,
    decimal? Amount = null,
    string? Currency = null,
    string? AccountId = null,
    string? CounterpartyAccountId = null,
    string? Channel = null,
    string? DeviceId = null,
    string? Ip = null,
    string? Country = null,
    string? City = null,
    string? MerchantCategory = null,
    string? Status = null);
