using System.Diagnostics;
using System.Globalization;

namespace Orleans.Fin.Chaos;

/// <summary>
/// Kills a silo with SIGKILL at evenly spaced moments of the load, alternating between the two
/// silos from a seeded start, and brings it back with the restart command (cluster.sh start
/// --no-build, which starts only what is missing and waits until it is ready). After the load it
/// can also kill both silos at once and bring both back the same way.
/// </summary>
public sealed class SiloKiller(ChaosOptions options, ChaosCounters counters, Action<string> log)
{
    public List<string> Failures { get; } = [];

    public async Task RunAsync(Stopwatch clock)
    {
        var silo = 1 + options.Seed % 2;
        var spacing = options.LoadTime / (options.Kills + 1);
        for (var kill = 1; kill <= options.Kills; kill++)
        {
            var due = spacing * kill - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            var name = "silo" + silo.ToString(CultureInfo.InvariantCulture);
            if (!TryKill(name))
            {
                return;
            }

            counters.Killed();
            await Task.Delay(options.DownTime);
            if (await RestartAsync(name) is null)
            {
                return;
            }

            silo = 3 - silo;
        }
    }

    /// <summary>
    /// Kills both silos with SIGKILL (client-api stays up), so no grain runs and none can write; false, with a failure
    /// recorded, when a silo was not running or did not end.
    /// </summary>
    public bool KillBoth()
    {
        // Both signals go out before either exit is waited for, so the second silo does not outlive the first.
        var killed = new[] { Kill("silo1"), Kill("silo2") };
        var ended = true;
        foreach (var kill in killed.OfType<(string Name, Process Process)>())
        {
            ended &= Reap(kill.Name, kill.Process);
        }

        return ended && killed.All(kill => kill is not null);
    }

    /// <summary>
    /// Runs the restart command, which starts whatever is not running and waits until each process answers ready; the
    /// seconds it took, or null with a failure recorded.
    /// </summary>
    public async Task<double?> RestartAsync(string what)
    {
        var restarted = Stopwatch.StartNew();
        var (exitCode, output) = await RunRestartAsync();
        if (exitCode != 0)
        {
            Failures.Add($"restarting {what} failed with exit code {exitCode}: {output}");
            return null;
        }

        var seconds = restarted.Elapsed.TotalSeconds;
        log(string.Create(CultureInfo.InvariantCulture, $"{what} restarted and ready in {seconds:F1} s"));
        return seconds;
    }

    private bool TryKill(string name)
    {
        if (Kill(name) is not { } killed)
        {
            return false;
        }

        return Reap(name, killed.Process);
    }

    /// <summary>Sends SIGKILL to the silo named in its pid file; null, with a failure recorded, when it was not running.</summary>
    private (string Name, Process Process)? Kill(string name)
    {
        var pidFile = Path.Combine(options.RunDir, name + ".pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var pid))
        {
            Failures.Add($"no pid for {name} in {pidFile}");
            return null;
        }

        Process? process = null;
        try
        {
            process = Process.GetProcessById(pid);
            process.Kill(); // SIGKILL on Unix: no shutdown, no flush, no deactivation
            return (name, process);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            process?.Dispose();
            Failures.Add($"{name} (pid {pid}) was not running when it was to be killed");
            return null;
        }
    }

    /// <summary>Waits for a killed silo to end; false, with a failure recorded, when it is still running 10 s later.</summary>
    private bool Reap(string name, Process process)
    {
        using (process)
        {
            var ended = process.WaitForExit(10_000);
            log($"kill -9 {name} (pid {process.Id})");
            if (!ended)
            {
                Failures.Add($"{name} (pid {process.Id}) was still running 10 s after SIGKILL");
            }

            return ended;
        }
    }

    private async Task<(int ExitCode, string Output)> RunRestartAsync()
    {
        var start = new ProcessStartInfo("bash", ["-c", options.RestartCommand])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, "the restart did not finish within 6 minutes");
        }

        return (process.ExitCode, ((await stdout) + (await stderr)).Trim());
    }
}
