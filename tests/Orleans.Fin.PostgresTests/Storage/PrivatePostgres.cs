using System.Diagnostics;

namespace Orleans.Fin.PostgresTests.Storage;

/// <summary>
/// A PostgreSQL server of the test's own (deploy/scripts/pg-local.sh in a fresh directory, schema from db-setup.sh), for
/// tests that stop and restart the server and so must not share it.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "fin-pg-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string scripts = Path.Combine(RepositoryRoot(), "deploy", "scripts");

    public string ConnectionString { get; private set; } = "";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var server = new PrivatePostgres();
        await server.RestartAsync();
        await RunAsync("bash", "-c", $"source '{server.directory}/env' && '{server.scripts}/db-setup.sh'");
        return server;
    }

    /// <summary>Fast shutdown: open sessions are terminated and their transactions rolled back.</summary>
    public Task StopAsync() => RunAsync(Path.Combine(scripts, "pg-local.sh"), "stop", directory);

    public async Task RestartAsync()
    {
        await RunAsync(Path.Combine(scripts, "pg-local.sh"), "start", directory);
        var settings = await File.ReadAllLinesAsync(Path.Combine(directory, "env"));
        var line = settings.Single(l => l.StartsWith("export FIN_PG_CONNECTION=", StringComparison.Ordinal));
        var connection = line["export FIN_PG_CONNECTION=".Length..].Trim('"');
        if (ConnectionString.Length > 0 && connection != ConnectionString)
        {
            throw new InvalidOperationException($"The restarted server moved to another port: {connection}.");
        }

        ConnectionString = connection;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(directory, recursive: true);
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {await output}{await errors}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "deploy", "scripts", "pg-local.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("deploy/scripts/pg-local.sh not found above " + AppContext.BaseDirectory);
    }
}
