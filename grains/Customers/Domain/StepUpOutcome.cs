namespace Orleans.Fin.Customers.Domain;

public enum StepUpOutcome
{
    /// <summary>Within the limits: the code may be sent, or the wrong answer was counted.</summary>
    Allowed = 0,

    /// <summary>This request crossed a limit: step-up is locked from now on (raise an alert once).</summary>
    LockedNow = 1,

    /// <summary>Step-up was already locked.</summary>
    Locked = 2,
}
