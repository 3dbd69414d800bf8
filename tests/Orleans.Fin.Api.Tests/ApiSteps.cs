using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

/// <summary>Steps on top of <see cref="FinApiClient"/> that several test classes need.</summary>
internal static class ApiSteps
{
    public const string UnknownCustomerId = "cus_00000000000000000000000000";
    public const string UnknownAccountId = "acc_00000000000000000000000000";
    public const string UnknownPaymentId = "pay_00000000000000000000000000";

    public static string NewKey() => Guid.NewGuid().ToString("N");

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>A new customer with one account holding <paramref name="deposit"/>.</summary>
    public static async Task<Holder> FundedAccountAsync(this FinApiClient api, decimal deposit, string currency = "CNY")
    {
        var (customerId, token) = await api.NewCustomerAsync();
        var accountId = await api.OpenAccountAsync(token, customerId, currency);
        if (deposit > 0)
        {
            await api.DepositAsync(token, accountId, deposit);
        }

        return new Holder(customerId, token, accountId);
    }

    public static Task<HttpResponseMessage> WithdrawAsync(this FinApiClient api, string token, string accountId, decimal amount, string? key = null) =>
        api.SendAsync(HttpMethod.Post, $"/accounts/{accountId}/withdrawals", token, new { amount }, key ?? NewKey());

    public static Task<HttpResponseMessage> DepositResponseAsync(this FinApiClient api, string token, string accountId, decimal amount, string? key = null) =>
        api.SendAsync(HttpMethod.Post, $"/accounts/{accountId}/deposits", token, new { amount, channel = "bank-transfer" }, key ?? NewKey());

    /// <summary>Sends <paramref name="json"/> verbatim as application/json (malformed or empty bodies included).</summary>
    public static Task<HttpResponseMessage> SendTextAsync(this FinApiClient api, HttpMethod method, string path, string? token, string json, string? key)
    {
        var request = new HttpRequestMessage(method, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return api.Http.SendAsync(request);
    }

    public static async Task<JsonElement> FreezeAsync(this FinApiClient api, string staffToken, string accountId, string reason = "suspected fraud")
    {
        var response = await api.SendAsync(HttpMethod.Post, $"/accounts/{accountId}/freeze", staffToken, new { reason });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>Every entry of an account, newest first, walking the pages with <paramref name="limit"/>.</summary>
    public static async Task<List<JsonElement>> AllEntriesAsync(this FinApiClient api, string accountId, string token, int limit = 500)
    {
        var entries = new List<JsonElement>();
        string? cursor = null;
        for (var page = 0; page < 10_000; page++)
        {
            var path = $"/accounts/{accountId}/entries?limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var json = await api.GetJsonAsync(path, token);
            entries.AddRange(json.GetProperty("items").EnumerateArray());
            var next = json.GetProperty("nextCursor");
            if (next.ValueKind == JsonValueKind.Null)
            {
                return entries;
            }

            cursor = next.GetString();
        }

        throw new InvalidOperationException("The entry pages never ended.");
    }

    /// <summary>Balances of the bank's settlement shards in <paramref name="currency"/>, by account id.</summary>
    public static Task<Dictionary<string, decimal>> SettlementBalancesAsync(this FinApiClient api, string staffToken, string currency = "CNY") =>
        api.SystemBalancesAsync(staffToken, "settlement", currency);

    /// <summary>Balances of the 16 shards of one kind of system account ("settlement", "funds", ...), by account id.</summary>
    public static async Task<Dictionary<string, decimal>> SystemBalancesAsync(this FinApiClient api, string staffToken, string kind, string currency = "CNY")
    {
        var ids = Enumerable.Range(0, 16).Select(i => $"sys_{kind}_{currency}_{i:D2}").ToList();
        var balances = await Task.WhenAll(ids.Select(id => api.BalanceAsync(id, staffToken)));
        return ids.Zip(balances).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
    }

    /// <summary>The business clock's now: the shared node's clock only moves forward, and tests advance it by months.</summary>
    public static async Task<DateTimeOffset> BusinessNowAsync(this FinApiClient api, string staffToken) =>
        (await api.GetJsonAsync("/ops/clock", staffToken)).GetProperty("now").GetDateTimeOffset();

    public static string Kind(this JsonElement entry) => entry.GetProperty("kind").GetString()!;

    public static string Reference(this JsonElement entry) => entry.GetProperty("reference").GetString()!;

    public static decimal Amount(this JsonElement element) => element.GetProperty("amount").GetDecimal();

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    /// <summary>The sequence number of an entry: its id is "{accountId}.{sequence}".</summary>
    public static long Sequence(this JsonElement entry)
    {
        var id = entry.Str("id");
        return long.Parse(id[(id.LastIndexOf('.') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
