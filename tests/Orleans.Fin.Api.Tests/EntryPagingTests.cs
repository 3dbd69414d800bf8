using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class EntryPagingTests(FinNodeFixture fixture)
{
    // Several times a ledger segment: most entries live in sealed ledger segment grains, the newest in the account.
    private const int EntryCount = 321;

    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task ListEntries_WalkingAllPages_ReturnsEveryEntryNewestFirstWithoutGapsOrDuplicates()
    {
        var holder = await _api.FundedAccountAsync(0m);
        var amounts = Enumerable.Range(1, EntryCount).Select(i => i + 0.01m).ToList();
        await Task.WhenAll(amounts.Select(a => _api.DepositAsync(holder.Token, holder.AccountId, a)));
        var balance = await _api.BalanceAsync(holder.AccountId, holder.Token);
        Assert.Equal(amounts.Sum(), balance);

        foreach (var limit in new[] { 1, 37, 100, 500 })
        {
            var entries = await _api.AllEntriesAsync(holder.AccountId, holder.Token, limit);

            Assert.Equal(EntryCount, entries.Count);
            Assert.Equal(Enumerable.Range(1, EntryCount).Reverse().Select(i => (long)i), entries.Select(e => e.Sequence()));
            Assert.Equal(EntryCount, entries.Select(e => e.Str("id")).Distinct().Count());
            Assert.All(entries, e => Assert.Equal("Deposit", e.Kind()));
            Assert.Equal(amounts.Order(), entries.Select(e => e.Amount()).Order());
            AssertChained(entries, balance);
        }
    }

    [Fact]
    public async Task ListEntries_NoLimit_ReturnsFiftyAndACursor()
    {
        var holder = await _api.FundedAccountAsync(0m);
        await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => _api.DepositAsync(holder.Token, holder.AccountId, 1m)));

        var page = await _api.GetJsonAsync($"/accounts/{holder.AccountId}/entries", holder.Token);

        Assert.Equal(50, page.GetProperty("items").GetArrayLength());
        var next = await _api.GetJsonAsync($"/accounts/{holder.AccountId}/entries?cursor={page.Str("nextCursor")}", holder.Token);
        Assert.Equal(10, next.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, next.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task ListEntries_NewAccount_IsEmptyWithoutCursor()
    {
        var holder = await _api.FundedAccountAsync(0m);

        var page = await _api.GetJsonAsync($"/accounts/{holder.AccountId}/entries", holder.Token);

        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("cursor=abc", "cursor")]
    [InlineData("cursor=0", "cursor")]
    [InlineData("cursor=-5", "cursor")]
    public async Task ListEntries_BadPaging_Is400(string query, string field)
    {
        var holder = await _api.FundedAccountAsync(1m);

        var response = await _api.SendAsync(HttpMethod.Get, $"/accounts/{holder.AccountId}/entries?{query}", holder.Token);

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task ListEntries_NonNumericLimit_Is400()
    {
        var holder = await _api.FundedAccountAsync(1m);

        var response = await _api.SendAsync(HttpMethod.Get, $"/accounts/{holder.AccountId}/entries?limit=ten", holder.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Newest first, each entry's balanceAfter is the previous (older) one's plus its amount; the newest is the balance.</summary>
    private static void AssertChained(List<JsonElement> newestFirst, decimal balance)
    {
        Assert.Equal(balance, newestFirst[0].GetProperty("balanceAfter").GetDecimal());
        for (var i = 0; i < newestFirst.Count - 1; i++)
        {
            var newer = newestFirst[i];
            var older = newestFirst[i + 1];
            Assert.Equal(older.GetProperty("balanceAfter").GetDecimal() + newer.Amount(), newer.GetProperty("balanceAfter").GetDecimal());
            Assert.True(newer.GetProperty("at").GetDateTimeOffset() >= older.GetProperty("at").GetDateTimeOffset());
        }

        var oldest = newestFirst[^1];
        Assert.Equal(oldest.Amount(), oldest.GetProperty("balanceAfter").GetDecimal());
    }
}
