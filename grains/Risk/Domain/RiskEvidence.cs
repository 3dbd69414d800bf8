using Orleans.Fin.Risk.Model;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// What is known about one event before any model judges it: the pattern rules' signals and, for an outgoing payment
/// when a model will read them, its <see cref="FraudFeatures"/>. Gathered once per event, it is judged by every scorer
/// made with the same <see cref="RiskOptions"/> (the champion, a challenger in shadow, the rules-only baseline), so the
/// windows of the profile are scanned once however many models score the payment. Read-only once gathered.
/// </summary>
internal sealed class RiskEvidence(RiskEvent e, RiskOptions options, List<RiskSignal> signals, FraudFeatures? features)
{
    public RiskEvent Event { get; } = e;

    /// <summary>The options the rules ran under; a scorer with other options gathers its own evidence.</summary>
    public RiskOptions Options { get; } = options;

    public List<RiskSignal> Signals { get; } = signals;

    public FraudFeatures? Features { get; } = features;
}
