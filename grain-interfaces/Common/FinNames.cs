namespace Orleans.Fin.Common;

/// <summary>Names of storage, stream and reminder resources shared by the silo, grains and clients.</summary>
public static class FinNames
{
    /// <summary>Grain storage for all of the platform's grain state.</summary>
    public const string Storage = "fin";

    /// <summary>Storage that Orleans streams use for subscription state.</summary>
    public const string PubSubStore = "PubSubStore";

    /// <summary>Stream provider carrying domain events.</summary>
    public const string StreamProvider = "fin-events";

    /// <summary>Stream namespace of per-customer activity (payments, deposits, withdrawals, logins); the stream key is the customer id.</summary>
    public const string CustomerActivityNamespace = "customer-activity";

    /// <summary>Reminder of each active loan: once a day it takes due instalments and ages the loan (system clock).</summary>
    public const string LoanDailyReminder = "loan-daily";

    /// <summary>Reminder of each portfolio: the rebalance check, at the portfolio's own slot in each period.</summary>
    public const string PortfolioRebalanceReminder = "portfolio-rebalance";

    /// <summary>
    /// Reminder of a loan or portfolio while it holds a movement it decided but has not yet applied: each tick finishes
    /// what is pending (the movement's recorded outcome, applied once); the reminder is dropped when nothing is left.
    /// </summary>
    public const string PendingMovementReminder = "pending-movement";

    /// <summary>Reminder of each pending-movements shard: sweeps movements whose plan is durable but that are not final.</summary>
    public const string PendingMovementsReminder = "pending-movements";

    /// <summary>The platform's own System.Diagnostics.Metrics meter.</summary>
    public const string MeterName = "Orleans.Fin";
}
