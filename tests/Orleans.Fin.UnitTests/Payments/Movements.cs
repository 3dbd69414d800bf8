using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Payments;
using Orleans.Fin.Payments.Domain;

namespace Orleans.Fin.UnitTests.Payments;

/// <summary>Accounts, rates and requests for the movement tests.</summary>
internal static class Movements
{
    public static readonly DateTimeOffset At = new(2026, 3, 15, 2, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyDictionary<string, decimal> Rates = new FxOptions().CnyPerUnit;

    public static string NewId(string prefix = IdPrefixes.Payment) => FinIds.New(prefix, At);

    public static AccountRef Account(string customerId, string currency = "CNY") =>
        new(FinIds.New(IdPrefixes.Account, At), customerId, currency, AccountKind.Customer);

    /// <summary>The sum of the leg amounts in each currency (zero everywhere when the legs balance).</summary>
    public static Dictionary<string, decimal> SumPerCurrency(IEnumerable<PlannedLeg> legs) =>
        legs.GroupBy(l => l.Posting.Currency, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Posting.Amount), StringComparer.Ordinal);

    public static MovementRequest Request(
        MovementKind kind, string? from, string? to, decimal amount = 100m, string currency = "CNY") =>
        new(kind, "hash", "cus_1", from, to, amount, currency, "app");
}
