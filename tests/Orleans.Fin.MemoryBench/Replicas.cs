using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Risk;
using Orleans.Runtime;
using Orleans.Storage;

namespace Orleans.Fin.MemoryBench;

/// <summary>
/// Copies of the populated customers under new ids, written through the node's own grain storage, so that a node can be
/// measured with far more active customers than a run can onboard through the API (each customer's 20 payments cost the
/// node about 50 ms of its two cores). A copy is one populated customer's customer, account and risk state exactly as
/// stored, with that customer's id and its account's id replaced by new ones of the same spelling wherever they occur:
/// the same history, lists, texts and sizes. Copies are never called through the API; they are activated by a read, as
/// the populated customers are in the phases before.
/// </summary>
public sealed class Replicas(IGrainStorage storage, IGrainFactory grains)
{
    private const string CustomerState = "customer";
    private const string AccountState = "account";
    private const string RiskState = "risk";

    /// <summary>Reads the originals' stored states, then writes <paramref name="count"/> copies, printing progress every 10 s.</summary>
    public async Task<Member[]> StoreAsync(IReadOnlyList<Member> originals, int count, int parallelism)
    {
        var templates = new Template[originals.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        await Parallel.ForEachAsync(Enumerable.Range(0, originals.Count), parallel, async (i, _) =>
        {
            var m = originals[i];
            templates[i] = new Template(m.CustomerId, m.AccountId,
                await ReadAsync(CustomerState, CustomerGrain(m.CustomerId)),
                await ReadAsync(AccountState, AccountGrain(m.AccountId)),
                await ReadAsync(RiskState, RiskGrain(m.CustomerId)));
        });

        var copies = new Member[count];
        var stored = 0;
        var clock = Stopwatch.StartNew();
        using var progress = new Timer(_ => Console.WriteLine(F(
            $"{DateTime.UtcNow:HH:mm:ss}   stored {Volatile.Read(ref stored):N0} of {count:N0} copies ({Volatile.Read(ref stored) / clock.Elapsed.TotalSeconds:F0}/s)")),
            null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, _) =>
        {
            var template = templates[i % templates.Length];
            var now = DateTimeOffset.UtcNow;
            var customerId = FinIds.New(IdPrefixes.Customer, now);
            var accountId = FinIds.New(IdPrefixes.Account, now);
            copies[i] = Member.Of(customerId, accountId);
            await WriteAsync(CustomerState, CustomerGrain(customerId), template.Renamed(template.Customer, customerId, accountId));
            await WriteAsync(AccountState, AccountGrain(accountId), template.Renamed(template.Account, customerId, accountId));
            await WriteAsync(RiskState, RiskGrain(customerId), template.Renamed(template.Risk, customerId, accountId));
            Interlocked.Increment(ref stored);
        });
        Console.WriteLine(F($"{DateTime.UtcNow:HH:mm:ss} stored {count:N0} copies of {originals.Count:N0} customers in {clock.Elapsed.TotalSeconds:F0}s"));
        return copies;
    }

    private GrainId CustomerGrain(string id) => grains.GetGrain<ICustomerGrain>(id).GetGrainId();

    private GrainId AccountGrain(string id) => grains.GetGrain<IAccountGrain>(id).GetGrainId();

    private GrainId RiskGrain(string id) => grains.GetGrain<IRiskGrain>(id).GetGrainId();

    private async Task<string> ReadAsync(string stateName, GrainId grain)
    {
        var state = new GrainState<JsonElement>();
        await storage.ReadStateAsync(stateName, grain, state);
        return state.RecordExists
            ? state.State.GetRawText()
            : throw new InvalidOperationException(F($"{grain} has no stored {stateName} state to copy."));
    }

    private async Task WriteAsync(string stateName, GrainId grain, string json)
    {
        using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(json));
        await storage.WriteStateAsync(stateName, grain, new GrainState<JsonElement>(document.RootElement));
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed record Template(string CustomerId, string AccountId, string Customer, string Account, string Risk)
    {
        public string Renamed(string json, string customerId, string accountId) => json
            .Replace(CustomerId, customerId, StringComparison.Ordinal)
            .Replace(AccountId, accountId, StringComparison.Ordinal);
    }
}
