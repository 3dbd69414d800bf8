namespace Orleans.Fin.Loans;

/// <summary>
/// The registry of disbursed, open loans (one grain, key <see cref="Key"/>). Advancing the simulated business clock asks
/// it to catch every loan up, so due dates, automatic debits and ageing follow the clock however many days it jumps.
/// </summary>
[Alias("fin.ILoanBookGrain")]
public interface ILoanBookGrain : IGrainWithStringKey
{
    public const string Key = "global";

    [Alias("Track")]
    Task Track(string loanId);

    /// <summary>Asks every tracked loan to process up to <paramref name="asOf"/>; returns how many answered.</summary>
    [Alias("ProcessUntil")]
    Task<int> ProcessUntil(DateOnly asOf);
}
