using System.Globalization;
using Orleans.Fin.Common;

namespace Orleans.Fin.Accounts;

/// <summary>
/// The bank's own accounts that balance customer postings. They are sharded per currency so that no single
/// grain serialises every deposit or cross-border payment.
/// </summary>
public static class SystemAccounts
{
    public const int Shards = 16;
    public const string Prefix = "sys_";

    public static string Settlement(string currency, string transferId) => Id("settlement", currency, transferId);

    public static string FxPosition(string currency, string transferId) => Id("fx", currency, transferId);

    /// <summary>The loan book: the bank's side of disbursements (debited) and repayments (credited).</summary>
    public static string LoanBook(string currency, string transferId) => Id("loans", currency, transferId);

    /// <summary>Fund custody: holds the cash behind portfolios' fund units (credited by subscriptions, debited by redemptions).</summary>
    public static string FundCustody(string currency, string transferId) => Id("funds", currency, transferId);

    public static bool IsSystem(string accountId) => accountId.StartsWith(Prefix, StringComparison.Ordinal);

    public static IEnumerable<string> All(string currency)
    {
        for (var i = 0; i < Shards; i++)
        {
            yield return Format("settlement", currency, i);
            yield return Format("fx", currency, i);
            yield return Format("loans", currency, i);
            yield return Format("funds", currency, i);
        }
    }

    /// <summary>Reads kind and currency back from a system account id such as "sys_settlement_CNY_07", "sys_loans_CNY_03" or "sys_funds_CNY_11".</summary>
    public static (AccountKind Kind, string Currency)? Parse(string accountId)
    {
        var parts = accountId.Split('_');
        if (parts.Length != 4 || parts[0] != "sys" || !Currencies.IsSupported(parts[2])
            || parts[3].Length != 2 || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var shard) || shard >= Shards)
        {
            return null;
        }

        AccountKind? kind = parts[1] switch
        {
            "settlement" => AccountKind.Settlement,
            "fx" => AccountKind.FxPosition,
            "loans" => AccountKind.LoanBook,
            "funds" => AccountKind.FundCustody,
            _ => null,
        };
        return kind is { } k ? (k, parts[2]) : null;
    }

    private static string Id(string role, string currency, string transferId)
    {
        var shard = (int)(ShardHash.Fnv1a(transferId) % Shards);
        return Format(role, currency, shard);
    }

    private static string Format(string role, string currency, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{role}_{currency}_{shard:D2}");
}
