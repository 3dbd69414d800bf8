namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// What a customer's payments mostly have in common: the currency, the payee, the device and the place. Payment records
/// with the same ones share one instance (<see cref="PaymentRecord.Share"/>), one reference a record where five took 40
/// bytes.
/// </summary>
public sealed record PaymentContext(string Currency, string? PayeeAccountId, string? DeviceId, string? Country, string? City)
{
    /// <summary>What a record made without any of them holds.</summary>
    public static readonly PaymentContext None = new(null!, null, null, null, null);
}
