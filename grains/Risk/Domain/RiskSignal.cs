namespace Orleans.Fin.Risk.Domain;

/// <summary>A rule that fired: its reason code, the points it adds, and the group within which only the strongest counts.</summary>
public sealed record RiskSignal(string Code, int Points, RiskSignalGroup Group);
