using Orleans.Concurrency;

namespace Orleans.Fin.Risk;

/// <summary>Counters and freeze timings behind /ops/kpis (key <see cref="RiskGrainKeys.Global"/>).</summary>
[Alias("fin.IRiskKpiGrain")]
public interface IRiskKpiGrain : IGrainWithStringKey
{
    /// <summary>A freeze landed <paramref name="milliseconds"/> after its triggering event, on <paramref name="accounts"/> accounts.</summary>
    [OneWay]
    [Alias("RecordFreeze")]
    Task RecordFreeze(double milliseconds, int accounts);

    [OneWay]
    [Alias("RecordCaseOpened")]
    Task RecordCaseOpened(bool byEngine);

    [OneWay]
    [Alias("RecordCaseResolved")]
    Task RecordCaseResolved(CaseOutcome outcome, bool byEngine);

    /// <summary>A one-time code was issued (<paramref name="outcome"/> "issued"), passed ("passed") or ended in a decline ("declined").</summary>
    [OneWay]
    [Alias("RecordChallenge")]
    Task RecordChallenge(string outcome);

    [OneWay]
    [Alias("RecordAlert")]
    Task RecordAlert();

    /// <summary>What a risk grain counted since its last report (decisions, checks, matured labels, fraud episodes).</summary>
    [OneWay]
    [Alias("RecordTally")]
    Task RecordTally(RiskKpiTally tally);

    /// <summary>The indicators, the credit ones from the loan portfolio.</summary>
    [Alias("Get")]
    Task<RiskKpis> Get();
}
