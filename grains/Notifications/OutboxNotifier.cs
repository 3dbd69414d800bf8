using Microsoft.Extensions.Logging;
using Orleans.Fin.Risk.Control;

namespace Orleans.Fin.Notifications;

/// <summary>
/// Queues messages in the customer's <see cref="INotificationOutboxGrain"/> (from which an SMS gateway would deliver
/// them) and logs that it did, with the code masked.
/// </summary>
public sealed partial class OutboxNotifier(IGrainFactory grains, ILogger<OutboxNotifier> logger) : INotifier
{
    public const string SmsChannel = "sms";

    public async Task SendOneTimeCodeAsync(OneTimeCodeNotice notice, CancellationToken cancellationToken = default)
    {
        var message = new OutboxMessage(
            notice.CustomerId, SmsChannel, notice.MaskedPhone, NotificationPurposes.PaymentOtp, notice.Reference,
            notice.Code, notice.IssuedAt, notice.ExpiresAt);
        await grains.GetGrain<INotificationOutboxGrain>(notice.CustomerId).Append(message);
        LogQueued(logger, notice.CustomerId, notice.MaskedPhone, notice.Reference, OneTimeCodes.Mask(notice.Code), notice.ExpiresAt);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "One-time code {MaskedCode} for {Reference} queued to {MaskedPhone} of {CustomerId}, valid until {ExpiresAt}")]
    private static partial void LogQueued(ILogger logger, string customerId, string maskedPhone, string reference, string maskedCode, DateTimeOffset expiresAt);
}
