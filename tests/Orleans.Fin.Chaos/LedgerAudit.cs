using System.Globalization;
using System.Text.Json;

namespace Orleans.Fin.Chaos;

/// <summary>
/// The checks after the run, on what the REST API shows: conservation and no pending movement
/// (GET /ops/ledger/integrity), every statement adding up to its balance, every deposit and every
/// acknowledged payment applied exactly once (Completed moved the money to the cent, anything else
/// moved nothing), and money moved under a reference no answer names only as whole payments, never
/// half or twice. With <c>everyKeyAnswered</c> every key must have been acknowledged by now and no
/// unexplained reference may remain.
/// </summary>
public static class LedgerAudit
{
    public static AuditResult Check(
        IntegrityReading integrity, IReadOnlyList<AccountSnapshot> accounts, IReadOnlyList<PaymentRecord> payments, bool everyKeyAnswered)
    {
        var failures = new List<string>();
        CheckIntegrity(integrity, failures);

        var byReference = accounts.SelectMany(a => a.Entries).GroupBy(e => e.Reference, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var explained = new HashSet<string>(StringComparer.Ordinal);
        foreach (var snapshot in accounts)
        {
            CheckStatement(snapshot, byReference, failures);
            explained.Add(snapshot.Account.DepositId);
        }

        // An account that could not be read is a failure of its own; the payments touching it cannot be checked.
        var readable = accounts.Select(a => a.Account.Id).ToHashSet(StringComparer.Ordinal);
        var unreadable = payments.SelectMany(p => new[] { p.From.Id, p.To.Id }).Where(id => !readable.Contains(id)).ToHashSet(StringComparer.Ordinal);
        var unanswered = 0;
        var unverifiable = 0;
        foreach (var payment in payments)
        {
            if (!readable.Contains(payment.From.Id) || !readable.Contains(payment.To.Id))
            {
                unverifiable++;
                if (payment.Acknowledged?.Text("id") is { } known)
                {
                    explained.Add(known);
                }

                continue;
            }

            var id = CheckPayment(payment, byReference, failures);
            if (id is null)
            {
                unanswered++;
                if (everyKeyAnswered)
                {
                    failures.Add($"payment key {payment.Key} has no 201 answer even after retrying: {string.Join(", ", payment.Answers.Select(a => a.Describe()))}");
                }
            }
            else
            {
                explained.Add(id);
            }
        }

        var unexplained = byReference.Where(r => !explained.Contains(r.Key)).ToList();
        var appliedWithoutAnswer = 0;
        foreach (var (reference, lines) in unexplained)
        {
            if (lines.Count == 1 && lines[0].Counterparty is { } other && unreadable.Contains(other))
            {
                // The other side is on an account that could not be read (already a failure of its own).
            }
            else if (everyKeyAnswered)
            {
                failures.Add($"money moved under reference {reference}, which no answer names: {Describe(lines)}");
            }
            else if (IsWholePayment(lines))
            {
                appliedWithoutAnswer++;
            }
            else if (!NetsToZeroPerAccount(lines))
            {
                failures.Add($"reference {reference} (an unanswered payment) is half-applied or applied twice: {Describe(lines)}");
            }
        }

        if (unexplained.Count > unanswered + unverifiable && !everyKeyAnswered)
        {
            failures.Add($"{unexplained.Count} references moved money but only {unanswered} payments went unanswered");
        }

        return new AuditResult(failures, payments.Count - unanswered - unverifiable, unanswered, appliedWithoutAnswer, unverifiable,
            accounts.Sum(a => a.SlowReads), accounts.Count == 0 ? TimeSpan.Zero : accounts.Max(a => a.ReadTime));
    }

    private static void CheckIntegrity(IntegrityReading integrity, List<string> failures)
    {
        if (integrity.Unavailable is not null)
        {
            failures.Add(integrity.Unavailable);
            return;
        }

        failures.AddRange(integrity.Sums.Where(s => s.Value != 0).Select(s => $"conservation: the {s.Key} balances sum to {s.Value}, not 0"));
        if (integrity.Pending != 0)
        {
            failures.Add($"{integrity.Pending} movements are still pending (oldest {integrity.OldestPendingAgeSeconds:F0} s)");
        }
    }

    private static void CheckStatement(AccountSnapshot snapshot, Dictionary<string, List<EntryLine>> byReference, List<string> failures)
    {
        var account = snapshot.Account;
        var sum = snapshot.Entries.Sum(e => e.Amount);
        if (sum != snapshot.Balance)
        {
            failures.Add($"account {account.Id}: its {snapshot.Entries.Count} entries sum to {sum}, its balance is {snapshot.Balance}");
        }

        if (snapshot.Entries.Count > 0 && snapshot.Entries[0].BalanceAfter != snapshot.Balance)
        {
            failures.Add($"account {account.Id}: the newest entry says the balance is {snapshot.Entries[0].BalanceAfter}, the account says {snapshot.Balance}");
        }

        var deposit = byReference.GetValueOrDefault(account.DepositId) ?? [];
        if (deposit.Count != 1 || deposit[0].Amount != account.Deposited || deposit[0].AccountId != account.Id)
        {
            failures.Add($"account {account.Id}: its deposit {account.DepositId} of {account.Deposited} shows as {Describe(deposit)}");
        }
    }

    /// <summary>Checks one payment against the ledger; returns its id when some attempt was acknowledged.</summary>
    private static string? CheckPayment(PaymentRecord payment, Dictionary<string, List<EntryLine>> byReference, List<string> failures)
    {
        var created = payment.Answers.Where(a => a.IsCreated).ToList();
        if (created.Count == 0)
        {
            return null;
        }

        var id = created[0].Text("id")!;
        var status = created[0].Text("status");
        if (created.Any(a => a.Text("id") != id || a.Text("status") != status))
        {
            failures.Add($"payment key {payment.Key} got answers that disagree: {string.Join(" / ", created.Select(a => a.Text("id") + " " + a.Text("status")))}");
        }

        var lines = byReference.GetValueOrDefault(id) ?? [];
        if (status == "Completed")
        {
            var credited = payment.CrossCurrency ? CreditedAmount(created[0]) : payment.Amount;
            var debit = lines.Where(l => l.AccountId == payment.From.Id).ToList();
            var credit = lines.Where(l => l.AccountId == payment.To.Id).ToList();
            if (debit.Count != 1 || debit[0].Amount != -payment.Amount || credit.Count != 1 || credit[0].Amount != credited || lines.Count != 2)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"payment {id} (Completed, {payment.Amount} {payment.From.Currency} from {payment.From.Id} to {payment.To.Id}, credit {credited}) is in the ledger as: {Describe(lines)}"));
            }
        }
        else if (!NetsToZeroPerAccount(lines))
        {
            failures.Add($"payment {id} was answered {status} but moved money: {Describe(lines)}");
        }

        return id;
    }

    private static decimal? CreditedAmount(Answer answer) =>
        answer.Body is { } body && body.TryGetProperty("fx", out var fx) && fx.ValueKind == JsonValueKind.Object
            ? fx.GetProperty("creditedAmount").GetDecimal()
            : null;

    private static bool IsWholePayment(List<EntryLine> lines) =>
        lines.Count == 2 && lines[0].AccountId != lines[1].AccountId && (lines[0].Amount < 0) != (lines[1].Amount < 0);

    private static bool NetsToZeroPerAccount(List<EntryLine> lines) =>
        lines.GroupBy(l => l.AccountId, StringComparer.Ordinal).All(g => g.Sum(l => l.Amount) == 0);

    private static string Describe(List<EntryLine> lines) => lines.Count == 0
        ? "no entries"
        : string.Join("; ", lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.AccountId} {l.Amount:+0.00;-0.00} {l.Kind}")));
}
