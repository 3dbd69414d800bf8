using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Orleans.Fin.Clock;

/// <summary>Keeps this silo's <see cref="BusinessClock"/> on the cluster's offset while the clock is simulated.</summary>
public sealed partial class BusinessClockSync(
    IGrainFactory grains, BusinessClock clock, IOptions<BusinessClockOptions> options, ILogger<BusinessClockSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Simulated)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SyncInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                clock.Follow(await grains.GetGrain<IBusinessClockGrain>(0).GetOffset());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSyncFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The business clock could not be read; retrying")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);
}
