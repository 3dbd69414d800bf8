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

    public static readonly Counter<long> RiskDecisions =
        Meter.CreateCounter<long>("fin.risk.decisions", description: "Risk decisions by source (payment, activity, signal) and level.");

    public static readonly Counter<long> RiskChallenges =
        Meter.CreateCounter<long>("fin.risk.challenges", description: "One-time-code challenges by outcome (issued, passed, wrong, declined).");

    public static readonly Counter<long> RiskCases =
        Meter.CreateCounter<long>("fin.risk.cases", description: "Investigation cases by event (opened, resolved) and outcome.");

    public static readonly Counter<long> RiskRedeliveries =
        Meter.CreateCounter<long>("fin.risk.redeliveries", description: "Activity events dropped by the risk engine as already seen.");

    public static readonly Counter<long> FundOrders =
        Meter.CreateCounter<long>("fin.wealth.orders", description: "Fund subscriptions and redemptions by kind and status.");

    public static readonly Counter<long> Rebalances =
        Meter.CreateCounter<long>("fin.wealth.rebalances", description: "Portfolio rebalances by trigger (schedule, request).");

    public static readonly Histogram<double> TimeToFreeze =
        Meter.CreateHistogram<double>("fin.risk.time_to_freeze", unit: "ms", description: "Time from the triggering event to every account being frozen.");
}
