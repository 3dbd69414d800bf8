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

    public async Task SendLoanCollectionAsync(LoanCollectionNotice notice, CancellationToken cancellationToken = default)
    {
        var body = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Loan {notice.LoanId}: {notice.Stage} on {notice.Date:yyyy-MM-dd}, {notice.DaysPastDue} days past due.");
        var message = new OutboxMessage(
            notice.CustomerId, SmsChannel, notice.CustomerId, NotificationPurposes.LoanCollection, $"{notice.LoanId}:{notice.Stage}",
            body, notice.IssuedAt, null);
        await grains.GetGrain<INotificationOutboxGrain>(notice.CustomerId).Append(message);
        LogCollection(logger, notice.CustomerId, notice.LoanId, notice.Stage, notice.DaysPastDue);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection step {Stage} of loan {LoanId} ({DaysPastDue} days past due) queued for {CustomerId}")]
    private static partial void LogCollection(ILogger logger, string customerId, string loanId, string stage, int daysPastDue);

    [LoggerMessage(Level = LogLevel.Information, Message = "One-time code {MaskedCode} for {Reference} queued to {MaskedPhone} of {CustomerId}, valid until {ExpiresAt}")]
    private static partial void LogQueued(ILogger logger, string customerId, string maskedPhone, string reference, string maskedCode, DateTimeOffset expiresAt);
}
