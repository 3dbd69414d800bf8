using System.Diagnostics.Metrics;

namespace Orleans.Fin.Common;

/// <summary>The platform's own instruments, exported through OpenTelemetry by the hosts.</summary>
public static class FinMetrics
{
    private static readonly Meter Meter = new(FinNames.MeterName);

    public static readonly Counter<long> Movements =
        Meter.CreateCounter<long>("fin.movements", description: "Money movements by kind and final status.");

    public static readonly Counter<long> Freezes =
        Meter.CreateCounter<long>("fin.account.freezes", description: "Accounts frozen.");

    public static readonly Counter<long> Unfreezes =
        Meter.CreateCounter<long>("fin.account.unfreezes", description: "Accounts unfrozen.");

    public static readonly Counter<long> Customers =
        Meter.CreateCounter<long>("fin.customers.onboarded", description: "Customers onboarded.");
}
