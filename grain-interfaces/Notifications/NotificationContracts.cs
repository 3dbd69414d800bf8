namespace Orleans.Fin.Notifications;

/// <summary>
/// A message on its way to a customer. For one-time codes the outbox keeps a body without the code; only the
/// memory-only Development inbox ever holds the code itself.
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.OutboxMessage")]
public sealed record OutboxMessage(
    string CustomerId,
    string Channel,
    string MaskedRecipient,
    string Purpose,
    string Reference,
    string Body,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt);

/// <summary>What outbox messages are for.</summary>
public static class NotificationPurposes
{
    public const string PaymentOtp = "payment-otp";
    public const string LoanCollection = "loan-collection";
    public const string DeviceBindingOtp = "device-binding-otp";

    /// <summary>Purposes whose messages carry a one-time code.</summary>
    public static bool CarriesCode(string purpose) => purpose is PaymentOtp or DeviceBindingOtp;
}
