namespace Orleans.Fin.Risk;

/// <summary>Keys of the risk engine's singleton grains (the indexes behind listing cases and alerts, and the KPIs).</summary>
public static class RiskGrainKeys
{
    public const string Global = "global";

    /// <summary>Who the engine's own actions are attributed to (freezes, cases it opens).</summary>
    public const string Engine = "risk-engine";
}
