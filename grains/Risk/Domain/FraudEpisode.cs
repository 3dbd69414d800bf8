namespace Orleans.Fin.Risk.Domain;

/// <summary>The payments of a confirmed-fraud case by amount (CNY): all of it, what was stopped, what the rules-only baseline would have stopped.</summary>
public sealed record FraudEpisode(decimal Amount, decimal Stopped, decimal StoppedByBaseline)
{
    public static readonly FraudEpisode None = new(0m, 0m, 0m);
}
