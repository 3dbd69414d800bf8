using System.Diagnostics;
using Npgsql;
using Orleans.Fin.Risk;
using static Orleans.Fin.PostgresTests.RiskParts.RiskPartsSql;
using static Orleans.Fin.PostgresTests.Storage.StorageHarness;

namespace Orleans.Fin.PostgresTests.RiskParts;

/// <summary>
/// Orphaned cold parts of risk states (deploy/sql/040-risk-parts.sql, deploy/scripts/sweep-risk-parts.sh): risk grains
/// that wrote their states in parts themselves, beside parts written the way a process killed between the part write
/// and the state write leaves them, through either provider.
/// </summary>
public sealed class RiskPartsSweepTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task Summary_GrainsInPartsWithUnreferencedParts_CountsStatesPartsAndOrphans()
    {
        var scenario = await RiskPartsScenario.StartAsync(customers: 2);
        var (first, second) = (scenario.Customers[0], scenario.Customers[1]);
        var byGroupCommit = await scenario.WriteUnreferencedPartAsync(first);
        var byAdoNet = await RiskPartsScenario.WriteUnreferencedPartAsync(await AdoNetAsync(scenario.ServiceId), second);

        Assert.Equal((2L, 4L, 0L, 2L, 0L), await SummaryAsync(scenario.ServiceId));
        Assert.Equal(Sorted((first, byGroupCommit), (second, byAdoNet)), await OrphanedAsync(scenario.ServiceId, TimeSpan.Zero));
        Assert.Empty(await DanglingAsync(scenario.ServiceId));
    }

    [Fact]
    public async Task Sweep_GrainWhoseStateWritesFailAfterItsPartWrites_DeletesThePartsItLeft()
    {
        var scenario = await RiskPartsScenario.StartAsync(customers: 1, pay: false);
        var customer = scenario.Customers[0];
        var referenced = await scenario.ReferencedPartAsync(customer); // seeded: the grain's first write replaces it
        await using (await BreakRiskStateWritesAsync(scenario.ServiceId, customer))
        {
            // Each write of the grain writes a new part, then loses its connection while storing the state (and the node
            // stops meanwhile): the part is left as a node killed between the two writes leaves it.
            await scenario.PayEachAsync(mustSucceed: false);
        }

        var left = await OrphanedAsync(scenario.ServiceId, TimeSpan.Zero);
        Assert.NotEmpty(left);
        Assert.All(left, orphan => Assert.True(orphan.Customer == customer && orphan.Part != referenced, $"{orphan}"));
        Assert.Equal(Sorted([(customer, referenced), .. left]), await StoredPartsAsync(scenario.ServiceId));
        Assert.Equal((1L, 1L + left.Count, 0L, (long)left.Count, 0L), await SummaryAsync(scenario.ServiceId));

        Assert.Equal((long)left.Count, await SweepAsync(scenario.ServiceId, TimeSpan.Zero));
        Assert.Equal(Sorted((customer, referenced)), await StoredPartsAsync(scenario.ServiceId));
        await scenario.PayEachAsync(); // the grain activates on the part its stored state refers to
    }

    [Fact]
    public async Task Orphaned_MinimumAge_ListsOnlyUnreferencedPartsThatOld()
    {
        var scenario = await RiskPartsScenario.StartAsync(customers: 2);
        var (first, second) = (scenario.Customers[0], scenario.Customers[1]);
        var old = await scenario.WriteUnreferencedPartAsync(first);
        await AgePartsAsync(scenario.ServiceId, 2 * Hour); // the referenced parts are as old: age alone does not make an orphan
        var young = await scenario.WriteUnreferencedPartAsync(second);

        Assert.Equal(Sorted((first, old)), await OrphanedAsync(scenario.ServiceId, Hour));
        Assert.Equal(Sorted((first, old), (second, young)), await OrphanedAsync(scenario.ServiceId, TimeSpan.Zero));
        Assert.Empty(await OrphanedAsync(scenario.ServiceId, 3 * Hour));
    }

    [Fact]
    public async Task Sweep_OldAndYoungOrphans_DeletesThemByAgeAndTheGrainsStillReadTheirParts()
    {
        var scenario = await RiskPartsScenario.StartAsync(customers: 2);
        var (first, second) = (scenario.Customers[0], scenario.Customers[1]);
        var referenced = Sorted((first, await scenario.ReferencedPartAsync(first)), (second, await scenario.ReferencedPartAsync(second)));
        await scenario.WriteUnreferencedPartAsync(first);
        await AgePartsAsync(scenario.ServiceId, 2 * Hour);
        var young = await scenario.WriteUnreferencedPartAsync(second);

        Assert.Equal(1L, await SweepAsync(scenario.ServiceId, Hour));
        Assert.Equal(Sorted([.. referenced, (second, young)]), await StoredPartsAsync(scenario.ServiceId));
        Assert.Equal(1L, await SweepAsync(scenario.ServiceId, TimeSpan.Zero));
        Assert.Equal(referenced, await StoredPartsAsync(scenario.ServiceId));
        Assert.Equal(0L, await SweepAsync(scenario.ServiceId, TimeSpan.Zero));

        await scenario.PayEachAsync(); // each grain activates again, reading the part its state refers to
        Assert.Equal((2L, 2L, 0L, 0L, 0L), await SummaryAsync(scenario.ServiceId));
    }

    [Fact]
    public async Task Sweep_MinimumAgeZeroRightAfterTheGrainsWrote_KeepsEveryReferencedPart()
    {
        var scenario = await RiskPartsScenario.StartAsync(customers: 2);
        var referenced = await StoredPartsAsync(scenario.ServiceId);
        Assert.Equal(2, referenced.Count);

        Assert.Equal(0L, await SweepAsync(scenario.ServiceId, TimeSpan.Zero));
        Assert.Equal(referenced, await StoredPartsAsync(scenario.ServiceId));
        Assert.Equal((2L, 2L, 0L, 0L, 0L), await SummaryAsync(scenario.ServiceId));
    }

    [Fact]
    public async Task Sweep_StateBeingWrittenToReferToTheOrphan_KeepsIt()
    {
        var (scenario, customer, replaced, orphan) = await OneCustomerWithAnOrphanAsync();

        // Another session writes the risk state so that it refers to the orphan, and has not committed yet.
        await using var writer = new NpgsqlConnection(PostgresDatabase.ConnectionString);
        await writer.OpenAsync();
        await using var write = await writer.BeginTransactionAsync();
        await using (var update = Command(
            """
            UPDATE OrleansStorage
               SET PayloadBinary = convert_to(jsonb_set(convert_from(PayloadBinary, 'UTF8')::jsonb, '{Parts,Id}', to_jsonb(@part::text))::text, 'UTF8')
             WHERE ServiceId = @s AND GrainTypeString = 'risk' AND GrainIdExtensionString = @c
            """, writer, ("s", scenario.ServiceId), ("part", orphan), ("c", customer)))
        {
            update.Transaction = write;
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        Assert.Equal(Sorted((customer, orphan)), await OrphanedAsync(scenario.ServiceId, TimeSpan.Zero)); // as committed so far
        var sweep = SweepAsync(scenario.ServiceId, TimeSpan.Zero);
        var finished = await Task.WhenAny(sweep, Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.True(finished == sweep, "the sweep waited for the state's writer");
        Assert.Equal(0L, await sweep);

        await write.CommitAsync(); // now the part it replaced is the orphan
        Assert.Equal(Sorted((customer, replaced)), await OrphanedAsync(scenario.ServiceId, TimeSpan.Zero));
        Assert.Equal(1L, await SweepAsync(scenario.ServiceId, TimeSpan.Zero));
        Assert.Equal(Sorted((customer, orphan)), await StoredPartsAsync(scenario.ServiceId));
    }

    [Fact]
    public async Task Sweep_StateThatDoesNotRead_KeepsItsGrainsParts()
    {
        var scenario = await RiskPartsScenario.StartAsync(customers: 1);
        var customer = scenario.Customers[0];
        await scenario.WriteUnreferencedPartAsync(customer);

        await ExecuteAsync(
            "UPDATE OrleansStorage SET PayloadBinary = '\\x7b2250617274'::bytea WHERE ServiceId = @s AND GrainTypeString = 'risk'",
            ("s", scenario.ServiceId)); // {"Part: JSON cut short

        Assert.Empty(await OrphanedAsync(scenario.ServiceId, TimeSpan.Zero));
        Assert.Equal(0L, await SweepAsync(scenario.ServiceId, TimeSpan.Zero));
        Assert.Equal(2, (await StoredPartsAsync(scenario.ServiceId)).Count);
        Assert.Equal((0L, 2L, 0L, 0L, 1L), await SummaryAsync(scenario.ServiceId));

        // Unreadable is reported, not silently passed: the script names the customer and fails, and even at age 0 it
        // deletes nothing (no grain of this scenario writes from here on, as with every silo stopped).
        var (exitCode, output) = await RunSweepScriptAsync(scenario.ServiceId, "--min-age", "0", "--cluster-stopped");
        Assert.Equal(1, exitCode);
        Assert.Contains(customer, output, StringComparison.Ordinal);
        Assert.Contains("cannot be read", output, StringComparison.Ordinal);
        Assert.Equal(2, (await StoredPartsAsync(scenario.ServiceId)).Count);
    }

    [Fact]
    public async Task Dangling_ReferencedPartDeletedByHand_ListedAndTheScriptFails()
    {
        var scenario = await RiskPartsScenario.StartAsync(customers: 2);
        var (first, second) = (scenario.Customers[0], scenario.Customers[1]);
        var gone = await scenario.ReferencedPartAsync(first);
        await DeleteRowAsync(scenario.ServiceId, first, RiskWindowsState.StateName(gone));

        Assert.Equal(Sorted((first, gone)), await DanglingAsync(scenario.ServiceId));
        Assert.Equal((2L, 1L, 1L, 0L, 0L), await SummaryAsync(scenario.ServiceId));

        var (exitCode, output) = await RunSweepScriptAsync(scenario.ServiceId);
        Assert.Equal(1, exitCode);
        Assert.Contains(first, output, StringComparison.Ordinal);
        Assert.Contains(gone, output, StringComparison.Ordinal);
        Assert.DoesNotContain(second, output, StringComparison.Ordinal);
        Assert.Equal(Sorted((second, await scenario.ReferencedPartAsync(second))), await StoredPartsAsync(scenario.ServiceId));
    }

    [Fact]
    public async Task Script_Orphans_DryRunListsThemAndTheRunDeletesThem()
    {
        var (scenario, customer, referenced, orphan) = await OneCustomerWithAnOrphanAsync();

        await AgePartsAsync(scenario.ServiceId, 2 * Hour);

        var (dryExit, dryOutput) = await RunSweepScriptAsync(scenario.ServiceId, "--dry-run");
        Assert.Equal(0, dryExit);
        Assert.Contains(orphan, dryOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(referenced, dryOutput, StringComparison.Ordinal);
        Assert.Equal(2, (await StoredPartsAsync(scenario.ServiceId)).Count);

        var (exit, output) = await RunSweepScriptAsync(scenario.ServiceId);
        Assert.Equal(0, exit);
        Assert.Contains(orphan, output, StringComparison.Ordinal);
        Assert.DoesNotContain(referenced, output, StringComparison.Ordinal);
        Assert.Equal(Sorted((customer, referenced)), await StoredPartsAsync(scenario.ServiceId));
    }

    [Fact]
    public async Task Script_MinimumAgeUnderTenMinutes_RefusedUnlessTheClusterIsStopped()
    {
        var (scenario, customer, referenced, orphan) = await OneCustomerWithAnOrphanAsync();

        foreach (var age in new[] { "0", "5 minutes", "9 minutes 59 seconds" })
        {
            var (refused, output) = await RunSweepScriptAsync(scenario.ServiceId, "--min-age", age);
            Assert.Equal(2, refused);
            Assert.Contains("--cluster-stopped", output, StringComparison.Ordinal);
        }

        // Not an age at all, or a negative one: refused by the server's check, even with the cluster stopped.
        foreach (var age in new[] { "-1 hour", "soon" })
        {
            var (refused, output) = await RunSweepScriptAsync(scenario.ServiceId, "--min-age", age, "--cluster-stopped");
            Assert.Equal(2, refused);
            Assert.Contains("not a usable minimum age", output, StringComparison.Ordinal);
        }

        Assert.Equal(Sorted((customer, orphan), (customer, referenced)), await StoredPartsAsync(scenario.ServiceId));

        // Ten minutes is let through, and the orphan, a few seconds old, is kept.
        var (kept, _) = await RunSweepScriptAsync(scenario.ServiceId, "--min-age", "10 minutes");
        Assert.Equal(0, kept);
        Assert.Equal(2, (await StoredPartsAsync(scenario.ServiceId)).Count);

        // No grain of this scenario writes from here on, as when every silo is stopped: age 0 sweeps the young orphan.
        var (swept, sweptOutput) = await RunSweepScriptAsync(scenario.ServiceId, "--min-age", "0", "--cluster-stopped");
        Assert.Equal(0, swept);
        Assert.Contains(orphan, sweptOutput, StringComparison.Ordinal);
        Assert.Equal(Sorted((customer, referenced)), await StoredPartsAsync(scenario.ServiceId));
    }

    [Fact]
    public async Task Sweep_InBatches_TakesTheOldestFirstAndTheScriptRepeatsUntilNoneAreLeft()
    {
        var (scenario, customer, referenced, oldest) = await OneCustomerWithAnOrphanAsync();
        await AgePartsAsync(scenario.ServiceId, 3 * Hour);
        var middle = await scenario.WriteUnreferencedPartAsync(customer);
        await AgePartsAsync(scenario.ServiceId, Hour);
        var newer = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            newer.Add(await scenario.WriteUnreferencedPartAsync(customer));
        }

        await AgePartsAsync(scenario.ServiceId, 2 * Hour);

        await Assert.ThrowsAsync<PostgresException>(() => SweepAsync(scenario.ServiceId, Hour, 0));
        Assert.Equal(1L, await SweepAsync(scenario.ServiceId, Hour, 1));
        Assert.DoesNotContain((customer, oldest), await StoredPartsAsync(scenario.ServiceId));
        Assert.Equal(1L, await SweepAsync(scenario.ServiceId, Hour, 1));
        Assert.DoesNotContain((customer, middle), await StoredPartsAsync(scenario.ServiceId));

        var (exitCode, output) = await RunSweepScriptAsync(scenario.ServiceId, "--batch", "1");
        Assert.Equal(0, exitCode);
        Assert.Contains("3 orphaned part(s) deleted", output, StringComparison.Ordinal);
        Assert.All(newer, part => Assert.Contains(part, output, StringComparison.Ordinal));
        Assert.Equal(Sorted((customer, referenced)), await StoredPartsAsync(scenario.ServiceId));
    }

    /// <summary>One customer in parts, the part its state refers to, and a part written beside it that nothing refers to.</summary>
    private static async Task<(RiskPartsScenario Scenario, string Customer, string Referenced, string Orphan)> OneCustomerWithAnOrphanAsync()
    {
        var scenario = await RiskPartsScenario.StartAsync(customers: 1);
        var customer = scenario.Customers[0];
        var referenced = await scenario.ReferencedPartAsync(customer);
        return (scenario, customer, referenced, await scenario.WriteUnreferencedPartAsync(customer));
    }

    /// <summary>
    /// Until disposed, another session holds the customer's risk state row locked, and every session that waits for it
    /// (a batch writing that state) loses its connection: the write is not stored and its writer does not know.
    /// Nothing else waits for that lock, so nothing else is disturbed.
    /// </summary>
    private static async Task<IAsyncDisposable> BreakRiskStateWritesAsync(string serviceId, string customer)
    {
        var holder = new NpgsqlConnection(PostgresDatabase.ConnectionString);
        await holder.OpenAsync();
        var locked = await holder.BeginTransactionAsync();
        await using (var lockRow = Command(
            "SELECT 1 FROM OrleansStorage WHERE ServiceId = @s AND GrainTypeString = 'risk' AND GrainIdExtensionString = @c FOR UPDATE",
            holder, ("s", serviceId), ("c", customer)))
        {
            lockRow.Transaction = locked;
            Assert.Equal(1, await lockRow.ExecuteScalarAsync());
        }

        var stop = new CancellationTokenSource();
        var breaker = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await ExecuteAsync(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE @holder = ANY (pg_blocking_pids(pid))",
                    ("holder", holder.ProcessID));
                await Task.Delay(50);
            }
        });
        return new Cleanup(async () =>
        {
            await stop.CancelAsync();
            await breaker;
            stop.Dispose();
            await locked.RollbackAsync();
            await holder.DisposeAsync();
        });
    }

    private sealed class Cleanup(Func<Task> action) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await action();
    }

    private static List<(string, string)> Sorted(params (string, string)[] pairs) => [.. pairs.Order()];

    /// <summary>Runs deploy/scripts/sweep-risk-parts.sh against the test database; its exit code and everything it printed.</summary>
    private static async Task<(int ExitCode, string Output)> RunSweepScriptAsync(string serviceId, params string[] arguments)
    {
        var database = new NpgsqlConnectionStringBuilder(PostgresDatabase.ConnectionString);
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot(), "deploy", "scripts", "sweep-risk-parts.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])[
            "--service-id", serviceId, "--host", database.Host!, "--port", database.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--user", database.Username!, "--database", database.Database!, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "deploy", "scripts", "sweep-risk-parts.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("deploy/scripts/sweep-risk-parts.sh not found above " + AppContext.BaseDirectory);
    }
}
