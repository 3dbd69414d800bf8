using Orleans.Fin.Accounts;

namespace Orleans.Fin.CallBench;

/// <summary>The far end of a measured call: answers at once, with nothing stored.</summary>
[Alias("callbench.IEchoGrain")]
public interface IEchoGrain : IGrainWithIntegerKey
{
    [Alias("Ping")]
    Task Ping();

    /// <summary>The arguments and answer of a real leg (<see cref="IAccountGrain.Post"/>), without the ledger.</summary>
    [Alias("Post")]
    Task<PostingOutcome> Post(Posting posting);
}

/// <summary>The near end of a grain-to-grain call: makes calls one after another, as a movement calls its accounts.</summary>
[Alias("callbench.ICallerGrain")]
public interface ICallerGrain : IGrainWithIntegerKey
{
    /// <summary>Makes <paramref name="calls"/> calls, the i-th to echo grain <paramref name="echo"/> + i % <paramref name="spread"/>.</summary>
    [Alias("Run")]
    Task Run(long echo, int spread, int calls, Posting? posting);
}

public sealed class EchoGrain : Grain, IEchoGrain
{
    public Task Ping() => Task.CompletedTask;

    public Task<PostingOutcome> Post(Posting posting) =>
        Task.FromResult(new PostingOutcome(true, null, posting.Amount, posting.ExpectedOwner ?? ""));
}

public sealed class CallerGrain : Grain, ICallerGrain
{
    public async Task Run(long echo, int spread, int calls, Posting? posting)
    {
        var targets = Enumerable.Range(0, spread).Select(i => GrainFactory.GetGrain<IEchoGrain>(echo + i)).ToArray();
        for (var i = 0; i < calls; i++)
        {
            var target = targets[i % spread];
            if (posting is null)
            {
                await target.Ping();
            }
            else
            {
                await target.Post(posting);
            }
        }
    }
}
