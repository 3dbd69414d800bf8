namespace Orleans.Fin.Risk;

/// <summary>What the inline pre-authorisation tells the payment: go ahead, ask for a one-time code, or refuse.</summary>
public enum PaymentDecision
{
    Allow = 0,
    Challenge = 1,
    Decline = 2,
}

public enum CaseStatus
{
    Open = 0,
    Closed = 1,
}

public enum CaseOutcome
{
    ConfirmedFraud = 0,
    FalsePositive = 1,
}

public enum AlertKind
{
    /// <summary>High risk: accounts frozen, a case opened.</summary>
    FraudSuspected = 0,

    /// <summary>Medium risk: someone should contact the customer (the contact task).</summary>
    ContactCustomer = 1,

    /// <summary>A fraud ring indicator: a device shared by several customers, or a mule account.</summary>
    RingDetected = 2,

    /// <summary>The loan portfolio's overdue rate or NPL ratio crossed its early-warning threshold.</summary>
    PortfolioThreshold = 3,

    /// <summary>Too many one-time codes asked for or answered wrong: the customer's step-up is locked for a while.</summary>
    StepUpLocked = 4,
}

/// <summary>Indicators that raise a customer's risk from outside its own activity: fraud rings and credit behaviour.</summary>
public enum RingSignalKind
{
    /// <summary>A device this customer used is used by several customers.</summary>
    SharedDevice = 0,

    /// <summary>An account of this customer receives money from several flagged customers.</summary>
    MuleAccount = 1,

    /// <summary>This flagged customer paid an account that several flagged customers pay.</summary>
    RingMember = 2,

    /// <summary>A loan of this customer fell past due (raises the risk to at most Medium: an arrear is no fraud).</summary>
    CreditOverdue = 3,
}

public enum AuditAction
{
    Decision = 0,
    Freeze = 1,
    Unfreeze = 2,
    CaseOpened = 3,
    CaseAssigned = 4,
    CaseResolved = 5,
    Signal = 6,
    Challenge = 7,
}
