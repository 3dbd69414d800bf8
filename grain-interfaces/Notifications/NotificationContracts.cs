namespace Orleans.Fin.Notifications;

/// <summary>A message on its way to a customer. <paramref name="Body"/> holds the one-time code for OTP messages.</summary>
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
}
