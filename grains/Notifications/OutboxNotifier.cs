using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Fin.Risk.Control;

namespace Orleans.Fin.Notifications;

/// <summary>
/// Queues messages in the customer's <see cref="INotificationOutboxGrain"/> and logs that it did. A one-time code is
/// delivered and dropped: the outbox and the log keep only its reference and length; in Development the code goes to
/// the memory-only <see cref="IDevelopmentSmsInboxGrain"/>, where an SMS gateway would take it in production.
/// </summary>
public sealed partial class OutboxNotifier(IGrainFactory grains, IOptions<NotificationOptions> options, ILogger<OutboxNotifier> logger) : INotifier
{
    public const string SmsChannel = "sms";

    public async Task SendOneTimeCodeAsync(OneTimeCodeNotice notice, CancellationToken cancellationToken = default)
    {
        var delivered = new OutboxMessage(
            notice.CustomerId, SmsChannel, notice.MaskedPhone, notice.Purpose, notice.Reference, notice.Code, notice.IssuedAt, notice.ExpiresAt);
        if (options.Value.DevelopmentInbox)
        {
            await grains.GetGrain<IDevelopmentSmsInboxGrain>(notice.CustomerId).Deliver(delivered);
        }

        await grains.GetGrain<INotificationOutboxGrain>(notice.CustomerId).Append(delivered with { Body = CodeWithheld(notice.Code) });
        LogQueued(logger, notice.CustomerId, notice.MaskedPhone, notice.Reference, OneTimeCodes.Mask(notice.Code), notice.ExpiresAt);
    }

    /// <summary>What the outbox keeps in place of a code: its length only.</summary>
    public static string CodeWithheld(string code) => $"One-time code {OneTimeCodes.Mask(code)} (delivered, not kept)";

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
