namespace Orleans.Fin.Risk.Domain;

/// <summary>The bounds that keep a <see cref="BehaviourProfile"/> small. Fixed (not configuration): they shape persisted state.</summary>
public static class BehaviourLimits
{
    /// <summary>How many recent event ids are remembered to drop redelivered copies.</summary>
    public const int MaxEventIds = 512;

    /// <summary>How far back the event windows (payments, logins, inflows) reach from the latest event.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public const int MaxPayments = 200;
    public const int MaxLogins = 100;
    public const int MaxInflows = 100;
    public const int MaxDevices = 16;
    public const int MaxPayees = 200;
    public const int MaxPlaces = 32;

    /// <summary>Amount statistics weigh each payment 1/n up to this n, then decay exponentially.</summary>
    public const int AmountMemory = 200;

    /// <summary>The hour-of-day histogram is halved when its total passes this.</summary>
    public const int HourHistogramCap = 2_000;

    /// <summary>Hours of the day are counted in China Standard Time.</summary>
    public static readonly TimeSpan LocalOffset = TimeSpan.FromHours(8);
}
