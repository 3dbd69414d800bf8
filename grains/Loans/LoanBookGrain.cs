using Microsoft.Extensions.Logging;
using Orleans.Fin.Common;
using Orleans.Fin.Loans.Domain;

namespace Orleans.Fin.Loans;

/// <summary>
/// The registry of open loans. A sweep asks every loan to process up to a day, a bounded number at a time, and drops
/// the loans that answer Closed. Loans never call the book while it sweeps (only when they are disbursed), so the
/// sweep cannot wait on a loan that waits on it.
/// </summary>
public sealed partial class LoanBookGrain(
    [PersistentState("loan-book", FinNames.Storage)] IPersistentState<LoanBookState> state,
    ILogger<LoanBookGrain> logger) : Grain, ILoanBookGrain
{
    public const int Parallelism = 32;

    public async Task Track(string loanId)
    {
        if (state.State.OpenLoans.Add(loanId))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task<int> ProcessUntil(DateOnly asOf)
    {
        var closed = new List<string>();
        var answered = 0;
        foreach (var batch in state.State.OpenLoans.ToList().Chunk(Parallelism))
        {
            var views = await Task.WhenAll(batch.Select(id => Process(id, asOf)));
            answered += views.Count(v => v is not null);
            closed.AddRange(views.Where(v => v?.Status == nameof(LoanStatus.Closed)).Select(v => v!.Id));
        }

        if (closed.Count > 0)
        {
            state.State.OpenLoans.ExceptWith(closed);
            await state.WriteStateAsync();
        }

        return answered;
    }

    private async Task<LoanView?> Process(string loanId, DateOnly asOf)
    {
        try
        {
            return await GrainFactory.GetGrain<ILoanGrain>(loanId).ProcessUntil(asOf);
        }
        catch (Exception ex)
        {
            // One failing loan must not stop the others; its reminder or the next sweep catches it up.
            LogLoanFailed(logger, ex, loanId, asOf);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loan {LoanId} could not be processed up to {AsOf}")]
    private static partial void LogLoanFailed(ILogger logger, Exception exception, string loanId, DateOnly asOf);
}
