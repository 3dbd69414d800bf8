namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// The part of a customer's standing that payments the customer confirmed with a one-time code explain (kept in the risk
/// state; every member defaults, so a state written before it reads as "nothing explained").
/// <see cref="Score"/> fades from <see cref="ScoredAt"/> exactly as the standing does.
/// </summary>
public sealed record ExplainedStanding
{
    /// <summary>In <see cref="AwaitingCode"/>: a finding on a payment already made, explained by the next code the customer passes.</summary>
    public const string NextCode = "*";

    /// <summary>Nothing explained: what most customers hold, one instance for all of them (a value never changes).</summary>
    public static readonly ExplainedStanding None = new();

    /// <summary>The standing score the confirmed payments account for, as stored when it was set.</summary>
    public int Score { get; init; }

    public DateTimeOffset? ScoredAt { get; init; }

    /// <summary>The payment whose finding raised the standing and whose code has not been passed yet (or <see cref="NextCode"/>).</summary>
    public string? AwaitingCode { get; init; }

    /// <summary>The last payment whose code was passed (its own later events keep it explained).</summary>
    public string? ConfirmedPayment { get; init; }
}
