using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Orleans.Fin.LoadTest;

/// <summary>The load's customers (onboarded through the API) and the requests each scenario sends on their behalf.</summary>
internal static class PaymentScenario
{
    private static readonly string[] CustomerRoles = ["customer"];
    private static readonly string[] OperatorRoles = ["operator"];

    public static Task<string> StaffTokenAsync(TokenSource tokens) => tokens.IssueAsync("load-operator", OperatorRoles);

    /// <summary>Onboards customers with one funded CNY account each; returns a sender of random payments among them.</summary>
    public static async Task<LoadRun.Sender> PrepareAsync(HttpClient http, TokenSource tokens, int customers)
    {
        var accounts = (await OnboardAsync(http, tokens, customers, deposit: 100_000_000m)).Select(a => (Account: a.Account, Token: a.Token, Device: a.Device)).ToArray();

        return async random =>
        {
            var from = accounts[random.Next(accounts.Length)];
            var to = accounts[random.Next(accounts.Length)];
            if (to.Account == from.Account)
            {
                to = accounts[(Array.IndexOf(accounts, from) + 1) % accounts.Length];
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, "/payments")
            {
                Content = JsonContent.Create(new { fromAccountId = from.Account, toAccountId = to.Account, amount = random.Next(1, 100_000) / 100m, currency = "CNY", channel = "app", deviceId = from.Device }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", from.Token);
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            using var response = await http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return (false, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var status = body.GetProperty("status").GetString()!;
            return (status == "Completed", status);
        };
    }

    private static readonly string[] Homes = ["rent", "owner", "parents", "priv", "other"];
    private static readonly string[] Maritals = ["married", "single", "separated", "widow", "divorced"];
    private static readonly string[] Jobs = ["fixed", "freelance", "partime", "others"];

    /// <summary>Onboards customers with an account each; returns a sender of small loan applications (decided automatically).</summary>
    public static async Task<LoadRun.Sender> PrepareLoanApplicationsAsync(HttpClient http, TokenSource tokens, int customers)
    {
        var accounts = await OnboardAsync(http, tokens, customers, deposit: 0m);
        return async random =>
        {
            var (customerId, account, token, _) = accounts[random.Next(accounts.Length)];
            var amount = random.Next(2, 20) * 100m;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/loans/applications")
            {
                Content = JsonContent.Create(new
                {
                    customerId, accountId = account, amount, termMonths = random.Next(1, 6) * 12, purpose = "household",
                    seniority = random.Next(0, 20), home = Homes[random.Next(Homes.Length)], maritalStatus = Maritals[random.Next(Maritals.Length)],
                    job = Jobs[random.Next(Jobs.Length)], expenses = random.Next(35, 120), income = random.Next(80, 300),
                    assets = random.Next(0, 10) * 1000, debt = random.Next(0, 3) * 500, price = amount + random.Next(0, 1000), records = random.Next(10) == 0,
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return (false, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var decision = body.GetProperty("decision").GetString()!;
            return (decision is "Approved" or "Rejected", decision);
        };
    }

    /// <summary>Account reads (GET /accounts/{id}) by their owners.</summary>
    public static async Task<LoadRun.Sender> PrepareAccountReadsAsync(HttpClient http, TokenSource tokens, int customers)
    {
        var accounts = await OnboardAsync(http, tokens, customers, deposit: 1_000m);
        return async random =>
        {
            var (_, account, token, _) = accounts[random.Next(accounts.Length)];
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/accounts/{account}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            var code = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            return (response.StatusCode == HttpStatusCode.OK, "read:" + code);
        };
    }

    /// <summary>Traffic as a day mixes it: 70% payments, 10% loan applications, 20% account reads.</summary>
    public static async Task<LoadRun.Sender> PrepareMixedAsync(HttpClient http, TokenSource tokens, int customers)
    {
        var pay = await PrepareAsync(http, tokens, customers);
        var apply = await PrepareLoanApplicationsAsync(http, tokens, Math.Max(1, customers / 4));
        var read = await PrepareAccountReadsAsync(http, tokens, Math.Max(1, customers / 4));
        return random => random.Next(10) switch
        {
            < 7 => pay(random),
            7 => apply(random),
            _ => read(random),
        };
    }

    public static Task<(string CustomerId, string Account, string Token, string Device)[]> OnboardForScenarioAsync(HttpClient http, TokenSource tokens, int customers, decimal deposit) =>
        OnboardAsync(http, tokens, customers, deposit);

    /// <summary>One payment; returns the outcome (status or HTTP code) and the decline reason.</summary>
    public static async Task<(string Status, string? Reason)> PayAsync(HttpClient http, string token, string from, string to, decimal amount, string deviceId, string? city)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/payments")
        {
            Content = JsonContent.Create(new { fromAccountId = from, toAccountId = to, amount, currency = "CNY", channel = "app", deviceId, city, country = city is null ? null : "GB" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return (((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), null);
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("status").GetString()!, body.TryGetProperty("declineReason", out var r) ? r.GetString() : null);
    }

    public static async Task SendAsync(HttpClient http, HttpMethod method, string path, string token, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
    }

    private static async Task<(string CustomerId, string Account, string Token, string Device)[]> OnboardAsync(HttpClient http, TokenSource tokens, int customers, decimal deposit)
    {
        var accounts = new (string, string, string, string)[customers];
        var seed = Random.Shared.Next(0, 10_000_000);
        await Parallel.ForEachAsync(Enumerable.Range(0, customers), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var created = await Send(http, HttpMethod.Post, "/customers", null, new { name = $"Load {i}", idNumber = IdNumber(seed + i), phone = "138" + ((seed + i) % 100_000_000).ToString("D8", CultureInfo.InvariantCulture), deviceId = $"device-{seed + i}" });
            var customerId = created.GetProperty("id").GetString()!;
            var token = await tokens.IssueAsync(customerId, CustomerRoles);
            var account = (await Send(http, HttpMethod.Post, "/accounts", token, new { customerId, currency = "CNY" })).GetProperty("id").GetString()!;
            if (deposit > 0)
            {
                await Send(http, HttpMethod.Post, $"/accounts/{account}/deposits", token, new { amount = deposit, channel = "bank-transfer" }, Guid.NewGuid().ToString("N"));
            }

            accounts[i] = (customerId, account, token, $"device-{seed + i}");
        });
        return accounts;
    }

    private static async Task<JsonElement> Send(HttpClient http, HttpMethod method, string path, string? token, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} failed with {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string IdNumber(int n)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var birth = new DateOnly(1960, 1, 1).AddDays(n % 12_000);
        var first17 = "310104" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (n / 12_000 % 1000).ToString("D3", CultureInfo.InvariantCulture);
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }
}
