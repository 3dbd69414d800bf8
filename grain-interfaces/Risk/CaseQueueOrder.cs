namespace Orleans.Fin.Risk;

/// <summary>How a list of cases is ordered.</summary>
public enum CaseQueueOrder
{
    /// <summary>The most recently opened case first.</summary>
    Newest = 0,

    /// <summary>The work queue: highest severity first and, within a severity, the case that has waited longest first.</summary>
    Severity = 1,
}
