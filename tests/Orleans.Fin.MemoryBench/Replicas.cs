using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
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
/// the same history, lists, texts and sizes. The short strings that are the customer's own (its phone number and the
/// population's device ids) are replaced too, by others of the same length: the node shares strings of up to 16
/// characters across states (<see cref="StateStrings"/>), so a copy keeping its original's would cost less than a
/// customer of its own. Copies are never called through the API; they are activated by a read, as the populated
/// customers are in the phases before.
/// </summary>
public sealed partial class Replicas(IGrainStorage storage, IGrainFactory grains)
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
            if (templates[i].Risk.Contains("\"Parts\":", StringComparison.Ordinal))
            {
                // A copy would refer to a cold part its customer does not have (docs/ARCHITECTURE.md, "The risk state in parts").
                throw new InvalidOperationException(
                    $"The risk state of {m.CustomerId} is stored in parts, and copies take one row a state: give the originals a shorter history or set RiskControl__WindowsInParts=false.");
            }
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
            var names = new Names(template, customerId, accountId, i);
            await WriteAsync(CustomerState, CustomerGrain(customerId), names.Apply(template.Customer));
            await WriteAsync(AccountState, AccountGrain(accountId), names.Apply(template.Account));
            await WriteAsync(RiskState, RiskGrain(customerId), names.Apply(template.Risk));
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
        /// <summary>The customer's phone number as stored, or null.</summary>
        public string? Phone { get; } = PhonePattern().Match(Customer) is { Success: true } m ? m.Groups[1].Value : null;
    }

    /// <summary>
    /// One copy's new spellings: its ids; its phone number, the original's with its last digits made the copy's number;
    /// and every population device id (<c>dev-{run}-{n}</c>, the run six lower-case hex digits) with the run made the
    /// copy's number in six upper-case base-36 digits, which no population run spells.
    /// </summary>
    private sealed class Names(Template template, string customerId, string accountId, int copy)
    {
        private readonly string _device = Base36(copy);

        public string Apply(string json)
        {
            var renamed = json
                .Replace(template.CustomerId, customerId, StringComparison.Ordinal)
                .Replace(template.AccountId, accountId, StringComparison.Ordinal);
            if (template.Phone is { Length: > 8 } phone)
            {
                var digits = copy.ToString("D8", CultureInfo.InvariantCulture);
                renamed = renamed.Replace("\"" + phone + "\"", "\"" + phone[..^8] + digits + "\"", StringComparison.Ordinal);
            }

            return DevicePattern().Replace(renamed, m => "\"dev-" + _device + m.Groups[1].Value + "\"");
        }

        private static string Base36(int n)
        {
            const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
            Span<char> text = stackalloc char[6];
            for (var i = 5; i >= 0; i--, n /= 36)
            {
                text[i] = Digits[n % 36];
            }

            return new string(text);
        }
    }

    [GeneratedRegex("\"Phone\":\"([0-9]+)\"")]
    private static partial Regex PhonePattern();

    [GeneratedRegex("\"dev-[0-9a-f]{6}(-[0-9]+)\"")]
    private static partial Regex DevicePattern();
}
