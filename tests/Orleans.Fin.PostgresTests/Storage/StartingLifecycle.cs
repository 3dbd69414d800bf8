namespace Orleans.Fin.PostgresTests.Storage;

/// <summary>A silo lifecycle that only records what subscribes, so a provider built outside a silo can be started.</summary>
public sealed class StartingLifecycle : ISiloLifecycle
{
    private readonly List<ILifecycleObserver> observers = [];

    public int HighestCompletedStage => 0;

    public int LowestStoppedStage => 0;

    public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
    {
        observers.Add(observer);
        return new CancellationTokenSource();
    }

    public async Task StartAsync()
    {
        foreach (var observer in observers)
        {
            await observer.OnStart(CancellationToken.None);
        }
    }
}
