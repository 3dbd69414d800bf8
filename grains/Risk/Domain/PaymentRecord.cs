namespace Orleans.Fin.Risk.Domain;

/// <summary>One outgoing payment or withdrawal in the profile's window.</summary>
public sealed class PaymentRecord
{
    public string EventId { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "";

    /// <summary>The amount converted at the approximate rates of <see cref="RiskCurrency"/>.</summary>
    public decimal AmountCny { get; set; }

    /// <summary>The account paid; null for a withdrawal to outside the platform.</summary>
    public string? PayeeAccountId { get; set; }

    public string? DeviceId { get; set; }
    public string? Country { get; set; }
    public string? City { get; set; }
    public bool Withdrawal { get; set; }
    public bool Declined { get; set; }

    /// <summary>The payee had never been paid (completed) before this payment.</summary>
    public bool NewPayee { get; set; }

    /// <summary>The device was unknown when other devices were already known.</summary>
    public bool NewDevice { get; set; }
}
