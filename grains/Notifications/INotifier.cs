namespace Orleans.Fin.Notifications;

/// <summary>A one-time code on its way to the customer's bound phone.</summary>
public sealed record OneTimeCodeNotice(
    string CustomerId, string MaskedPhone, string Reference, string Code, DateTimeOffset ExpiresAt, DateTimeOffset IssuedAt,
    string Purpose = NotificationPurposes.PaymentOtp);

/// <summary>A collection step of a loan, on its way to the borrower.</summary>
public sealed record LoanCollectionNotice(string CustomerId, string LoanId, string Stage, int DaysPastDue, DateOnly Date, DateTimeOffset IssuedAt);

/// <summary>The one way the platform reaches customers. The default implementation logs and queues in an outbox.</summary>
public interface INotifier
{
    Task SendOneTimeCodeAsync(OneTimeCodeNotice notice, CancellationToken cancellationToken = default);

    Task SendLoanCollectionAsync(LoanCollectionNotice notice, CancellationToken cancellationToken = default);
}
