using System.Diagnostics;
using System.Globalization;

namespace Orleans.Fin.Chaos;

/// <summary>
/// The phases of a chaos run: onboard, load with kills, settle, audit, retry the lost answers, audit again, check the risk
/// state in parts (stored, swept with every silo down, read cold by restarted silos).
/// </summary>
public sealed class ChaosRun(ChaosOptions options)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ChaosCounters _counters = new();
    private readonly List<string> _failures = [];

    public async Task<bool> RunAsync()
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency * 2 + 16, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = options.BaseUrl,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var api = new ChaosApi(http, options.RequestTimeout);
        var tokens = TokenIssuer.Create(http, options.SigningKeyFile);
        Log($"seed {options.Seed}; tokens {(tokens.SignsItself ? "signed with the cluster's key" : "from /auth/dev-token")}");
        var staff = await tokens.IssueAsync("chaos-operator", "operator");

        var customers = await Onboarding.RunAsync(api, tokens, options.Customers);
        Log($"onboarded {customers.Count} customers with {customers.Sum(c => c.Accounts.Count)} funded accounts");

        PaymentRecord[] payments;
        AuditResult settledAudit, finalAudit;
        double? settleSeconds;
        int retried;
        await using (var progress = new ProgressLine(_counters, _clock))
        {
            progress.Phase = "load";
            payments = await LoadWithKillsAsync(api, customers);

            progress.Phase = "settling (no client retry)";
            settleSeconds = await SettleAsync(api, staff, options.SettleDeadline, "after the load");
            progress.Phase = "audit";
            settledAudit = await AuditAsync(api, staff, customers, payments, everyKeyAnswered: false);
            Report("audit after settling, before any retry", settledAudit);

            progress.Phase = "retrying lost answers";
            retried = await RetryUnansweredAsync(api, payments);
            await SettleAsync(api, staff, TimeSpan.FromSeconds(30), "after the retries");
            progress.Phase = "final audit";
            finalAudit = await AuditAsync(api, staff, customers, payments, everyKeyAnswered: true);
            Report("audit after retrying every lost answer", finalAudit);

            progress.Phase = "risk parts";
            await CheckRiskPartsAsync(api, staff, customers);
        }

        var passed = _failures.Count == 0 && settledAudit.Passed && finalAudit.Passed;
        PrintSummary(payments, settledAudit, settleSeconds, retried, passed);
        return passed;
    }

    private async Task<PaymentRecord[]> LoadWithKillsAsync(ChaosApi api, IReadOnlyList<ChaosCustomer> customers)
    {
        var load = new PaymentLoad(api, customers, _counters, options.DuplicateShare);
        var killer = new SiloKiller(options, _counters, Log);
        var loadClock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var sending = load.RunAsync(options.Concurrency, options.Seed, stop.Token);
        await Task.WhenAll(options.Kills > 0 ? killer.RunAsync(loadClock) : Task.CompletedTask, Task.Delay(options.LoadTime));
        await stop.CancelAsync();
        await sending;
        _failures.AddRange(killer.Failures);
        var silos = killer.Failures.Count == 0 ? "every silo is up again" : "a silo did not come back";
        Log(string.Create(CultureInfo.InvariantCulture, $"load stopped after {loadClock.Elapsed.TotalSeconds:F0} s; {silos}"));
        return [.. load.Records];
    }

    /// <summary>Polls the integrity endpoint until no movement is pending; returns the seconds it took, or null.</summary>
    private async Task<double?> SettleAsync(ChaosApi api, string staff, TimeSpan deadline, string when)
    {
        var waited = Stopwatch.StartNew();
        IntegrityReading reading;
        do
        {
            reading = await IntegrityReading.ReadAsync(api, staff);
            if (reading.Unavailable is null && reading.Pending == 0)
            {
                var seconds = waited.Elapsed.TotalSeconds;
                Log(string.Create(CultureInfo.InvariantCulture, $"settled {when} in {seconds:F1} s: {reading.Describe()}"));
                return seconds;
            }

            if (reading.Refused)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        while (waited.Elapsed < deadline);

        _failures.Add(reading.Refused ? $"cannot tell whether the system settled {when}: {reading.Describe()}" : $"not settled {when} within {deadline.TotalSeconds:F0} s: {reading.Describe()}");
        Log(_failures[^1]);
        return null;
    }

    private static async Task<AuditResult> AuditAsync(
        ChaosApi api, string staff, IReadOnlyList<ChaosCustomer> customers, PaymentRecord[] payments, bool everyKeyAnswered)
    {
        var integrity = await IntegrityReading.ReadAsync(api, staff);
        var (accounts, readFailures) = await new LedgerReader(api).ReadAllAsync(customers);
        var audit = LedgerAudit.Check(integrity, accounts, payments, everyKeyAnswered);
        return audit with { Failures = [.. readFailures, .. audit.Failures] };
    }

    /// <summary>
    /// After settling: the risk states in parts as stored (none may refer to a missing part, and some must be in parts, or
    /// the run did not test them); then both silos killed, the orphaned parts swept for real with no silo running (the
    /// sweep must leave no orphan, no dangling state and every state in parts); then both silos restarted and every
    /// customer's risk grain read through the API, each activating from storage (one whose part is missing fails).
    /// </summary>
    private async Task CheckRiskPartsAsync(ChaosApi api, string staff, IReadOnlyList<ChaosCustomer> customers)
    {
        var before = await ReadRiskPartsAsync("");
        if (options.RestartCommand.Length == 0 || options.RunDir.Length == 0)
        {
            Log("risk profiles: read from the grains as they run (no --run-dir and --restart, so the silos are not restarted)");
        }
        else
        {
            var killer = new SiloKiller(options, _counters, Log);
            if (killer.KillBoth() && before is not null)
            {
                await SweepRiskPartsAsync();
            }

            // cluster.sh start waits for each silo's /health/ready whether it started it or not: both killed, so both came back.
            var restarted = await killer.RestartAsync("silo1 and silo2");
            AddFailures(killer.Failures);
            if (restarted is null)
            {
                return;
            }
        }

        var profiles = await new RiskProfileReader(api).ReadAllAsync(staff, customers);
        Log(profiles.Describe());
        AddFailures(profiles.Failures);
    }

    /// <summary>Reads, logs (after <paramref name="when"/>) and checks the risk states in parts; null when they were not read.</summary>
    private async Task<RiskPartsReading?> ReadRiskPartsAsync(string when)
    {
        if (options.PgConnection is null)
        {
            Log(when + "risk parts: not checked (no --pg-connection)");
            return null;
        }

        try
        {
            var parts = await RiskPartsAudit.ReadAsync(options.PgConnection, options.ServiceId);
            Log(when + parts.Describe());
            AddFailures(parts.Failures());
            return parts;
        }
        catch (Npgsql.NpgsqlException ex)
        {
            AddFailures([$"the risk parts could not be read from PostgreSQL (deploy/sql/040-risk-parts.sql applied?): {ex.Message}"]);
            return null;
        }
    }

    /// <summary>
    /// With every silo killed: deletes every orphaned part (<see cref="RiskPartsSweep"/>), then reads the parts again.
    /// The sweep must have left no orphan, made no state dangle and taken no state out of parts.
    /// </summary>
    private async Task SweepRiskPartsAsync()
    {
        long swept;
        RiskPartsReading? before;
        try
        {
            await RiskPartsSweep.WaitUntilQuietAsync(options.PgConnection!);
            // Read again once every statement of the killed silos has ended: nothing changes the rows from here on but the sweep.
            before = await ReadRiskPartsAsync("with no silo running, ");
            if (before is null)
            {
                return;
            }

            swept = await RiskPartsSweep.SweepAsync(options.PgConnection!, options.ServiceId);
            Log($"risk parts swept with no silo running (minimum age 0): {swept} orphaned parts deleted");
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            AddFailures([$"the orphaned risk parts could not be swept: {ex.Message}"]);
            return;
        }

        if (await ReadRiskPartsAsync("after the sweep, ") is not { } after)
        {
            return;
        }

        // Exactly the orphans found before it, and only they: every referenced part stays, every state stays in parts.
        if (after.Orphaned != 0 || swept != before.Orphaned || after.Parts != before.Parts - swept)
        {
            AddFailures([$"the sweep deleted {swept} parts where {before.Orphaned} were orphaned, leaving {after.Orphaned} orphaned and {after.Parts} of {before.Parts} parts stored"]);
        }

        if (after.StatesInParts != before.StatesInParts)
        {
            AddFailures([$"the sweep changed the risk states in parts from {before.StatesInParts} to {after.StatesInParts}"]);
        }
    }

    private void AddFailures(IEnumerable<string> failures)
    {
        foreach (var failure in failures)
        {
            _failures.Add(failure);
            Log("  FAIL " + failure);
        }
    }

    /// <summary>
    /// Sends every payment that has no 201 yet again, same key and body, until it is answered: at most
    /// 5 tries each, within the settle deadline in all.
    /// </summary>
    private async Task<int> RetryUnansweredAsync(ChaosApi api, PaymentRecord[] payments)
    {
        var unanswered = payments.Where(p => p.Acknowledged is null).ToList();
        using var deadline = new CancellationTokenSource(options.SettleDeadline);
        var perRequest = TimeSpan.FromSeconds(Math.Min(10, options.RequestTimeout.TotalSeconds));
        try
        {
            await Parallel.ForEachAsync(unanswered, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = deadline.Token }, async (payment, cancel) =>
            {
                for (var attempt = 0; attempt < 5; attempt++)
                {
                    var answer = await api.PostAsync("/payments", payment.Payer.Token, payment.Body, payment.Key, perRequest);
                    payment.Add(answer);
                    if (!answer.IsLost)
                    {
                        return;
                    }

                    await Task.Delay(TimeSpan.FromSeconds(1 + attempt), cancel);
                }
            });
        }
        catch (OperationCanceledException)
        {
            _failures.Add($"retrying the lost answers took longer than {options.SettleDeadline.TotalSeconds:F0} s");
        }

        return unanswered.Count;
    }

    private void Report(string title, AuditResult audit)
    {
        Log(string.Create(CultureInfo.InvariantCulture,
            $"{title}: {(audit.Passed ? "ok" : audit.Failures.Count + " failures")}; payments checked {audit.Acknowledged}, unanswered {audit.Unanswered} (applied {audit.AppliedWithoutAnswer}), not checkable (account unreadable) {audit.Unverifiable}, slow account reads {audit.SlowReads}, slowest {audit.SlowestRead.TotalMilliseconds:F0} ms"));
        foreach (var failure in audit.Failures.Take(25))
        {
            Log("  FAIL " + failure);
        }

        if (audit.Failures.Count > 25)
        {
            Log($"  ... and {audit.Failures.Count - 25} more");
        }
    }

    private void PrintSummary(PaymentRecord[] payments, AuditResult settled, double? settleSeconds, int retried, bool passed)
    {
        foreach (var failure in _failures)
        {
            Log("FAIL " + failure);
        }

        // Outcomes per payment (key), as finally acknowledged; the live line counts answers, duplicates included.
        var c = _counters;
        var outcomes = payments.GroupBy(p => p.Acknowledged?.Text("status") ?? "unanswered").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int Outcome(string status) => outcomes.GetValueOrDefault(status);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"chaos summary: payments {payments.Length} (cross-currency {payments.Count(p => p.CrossCurrency)}), completed {Outcome("Completed")}, declined {Outcome("Declined")}, "
            + $"other outcomes {payments.Length - Outcome("Completed") - Outcome("Declined") - Outcome("unanswered")}, still unanswered {Outcome("unanswered")}, "
            + $"duplicates {c.Duplicates}, refused {c.Refused}, kills {c.Kills}, answers lost {c.Lost} ({settled.Unanswered} payments unanswered, {settled.AppliedWithoutAnswer} of them applied), "
            + $"retried {retried}, seconds to settle {(settleSeconds is { } s ? s.ToString("F1", CultureInfo.InvariantCulture) : "never")}, "
            + $"seconds in all {_clock.Elapsed.TotalSeconds:F0}"));
        Console.WriteLine(passed ? "chaos result: PASS" : "chaos result: FAIL");
    }

    private void Log(string message) => ProgressLine.Write(_clock, message);
}
