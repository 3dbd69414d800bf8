namespace Orleans.Fin.Risk.Domain;

/// <summary>What the risk engine does about a finding (see <see cref="RiskResponsePolicy"/>).</summary>
public enum RiskResponse
{
    /// <summary>Nothing found: no action.</summary>
    None = 0,

    /// <summary>Findings below Medium: flag the customer and put it on the watch list.</summary>
    Watch = 1,

    /// <summary>Medium: payments need a one-time code for a while, and someone contacts the customer.</summary>
    StepUpAndContact = 2,

    /// <summary>High: freeze every account at once, open a case, raise an alert.</summary>
    FreezeAndOpenCase = 3,
}
