namespace Orleans.Fin.Risk;

/// <summary>A device the customer bound and when (persisted in <see cref="RiskState"/>; freshly bound devices get extra scrutiny).</summary>
public sealed class DeviceBindingRecord
{
    public string DeviceId { get; set; } = "";
    public DateTimeOffset At { get; set; }

    /// <summary>Whether the binding was found risky (raised once, by the call or by the stream event, whichever sees the login).</summary>
    public bool Risky { get; set; }
}
