using System.Diagnostics;
using System.Globalization;

namespace Orleans.Fin.Chaos;

/// <summary>Prints one line a second with the run's phase and counts, until disposed.</summary>
public sealed class ProgressLine : IAsyncDisposable
{
    private readonly ChaosCounters _counters;
    private readonly Stopwatch _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _printer;

    public ProgressLine(ChaosCounters counters, Stopwatch clock)
    {
        _counters = counters;
        _clock = clock;
        _printer = PrintAsync();
    }

    public string Phase { get; set; } = "starting";

    public static void Write(Stopwatch clock, string message) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed.TotalSeconds,5:F0}s] {message}"));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _printer;
        _stop.Dispose();
    }

    private async Task PrintAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var c = _counters;
                Write(_clock, string.Create(CultureInfo.InvariantCulture,
                    $"{Phase}: payments {c.Payments}, duplicates {c.Duplicates}; answers completed {c.Completed}, declined {c.Declined}, other {c.OtherOutcomes}, refused {c.Refused}, lost {c.Lost}; kills {c.Kills}"));
            }
        }
        catch (OperationCanceledException)
        {
            // disposed
        }
    }
}
