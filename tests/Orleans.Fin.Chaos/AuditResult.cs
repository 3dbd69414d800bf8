namespace Orleans.Fin.Chaos;

/// <summary>What one audit found: its failures (empty when it passed) and the figures for the summary.</summary>
public sealed record AuditResult(
    IReadOnlyList<string> Failures, int Acknowledged, int Unanswered, int AppliedWithoutAnswer, int Unverifiable, int SlowReads, TimeSpan SlowestRead)
{
    public bool Passed => Failures.Count == 0;
}
