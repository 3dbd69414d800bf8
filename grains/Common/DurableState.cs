using Orleans.Core;

namespace Orleans.Fin.Common;

/// <summary>
/// Write, then apply: a grain changes its state and saves it; when the save fails, the change is undone by reading the
/// stored state back (or, if even that fails, by deactivating), so the activation is as if the call never happened and
/// the caller gets the retryable <see cref="FinErrorCode.Unavailable"/>, never a false success.
/// </summary>
public static class DurableState
{
    public static async Task CommitAsync<T>(IStorage<T> state, Action deactivate)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(deactivate);
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception written)
        {
            try
            {
                await state.ReadStateAsync();
            }
            catch (Exception)
            {
                deactivate(); // the next call reads the stored state in a fresh activation
            }

            throw new FinException(FinErrorCode.Unavailable, $"The change could not be saved ({written.GetType().Name}) and was not applied; retry with the same key.");
        }
    }
}
