namespace Orleans.Fin.Risk.Domain;

/// <summary>One login in the profile's window.</summary>
public sealed class LoginRecord
{
    public string EventId { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? DeviceId { get; set; }
    public string? Ip { get; set; }
    public string? Country { get; set; }
    public string? City { get; set; }

    /// <summary>The device was unknown when other devices were already known.</summary>
    public bool NewDevice { get; set; }
}
