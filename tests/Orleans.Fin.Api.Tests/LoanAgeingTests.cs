using System.Globalization;
using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

/// <summary>
/// Due dates, automatic debits and ageing as the business clock moves. The node and its clock are shared and only move
/// forward, so every step is measured from the loan's own first due date and today's business date.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LoanAgeingTests(FinNodeFixture fixture)
{
    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task ClockAdvance_NothingPaid_AgesThrough0_1_8_31_91DaysPastDue()
    {
        var holder = await _api.FundedAccountAsync(0m);
        var id = await AcceptedLoanAsync(holder, 1200m);
        await _api.FreezeAsync(fixture.OperatorToken, holder.AccountId); // the automatic debit finds nothing it may take
        var firstDue = await FirstDueAsync(holder, id);

        var expected = new (int Dpd, string Status, string Stage)[]
        {
            (0, "Active", "None"),
            (1, "Overdue", "SmsReminder"),
            (8, "Overdue", "CallTask"),
            (31, "Overdue", "ManualCollection"),
            (91, "NonPerforming", "NonPerforming"),
        };
        foreach (var (dpd, status, stage) in expected)
        {
            await AdvanceToAsync(firstDue.AddDays(dpd));
            var loan = await _api.GetJsonAsync($"/loans/{id}", holder.Token);
            Assert.Equal(dpd, loan.GetProperty("daysPastDue").GetInt32());
            Assert.Equal(status, loan.Str("status"));
            Assert.Equal(stage, loan.Str("collectionStage"));
        }

        var steps = (await _api.GetJsonAsync($"/loans/{id}", fixture.OperatorToken)).GetProperty("collections").EnumerateArray().ToList();
        Assert.Equal(["SmsReminder", "CallTask", "ManualCollection", "NonPerforming"], steps.Select(s => s.Str("stage")));
        Assert.Equal([1, 8, 31, 90], steps.Select(s => s.GetProperty("daysPastDue").GetInt32()));
        Assert.Equal(1200m, (await _api.GetJsonAsync($"/loans/{id}", holder.Token)).GetProperty("outstanding").GetDecimal());
    }

    [Fact]
    public async Task ClockAdvance_DueDateWithInsufficientFunds_TakesWhatIsAvailableAndGoesOverdue()
    {
        var holder = await _api.FundedAccountAsync(0m);
        var id = await AcceptedLoanAsync(holder, 1200m);
        var withdrawal = await _api.WithdrawAsync(holder.Token, holder.AccountId, 1150m);
        Assert.Equal(HttpStatusCode.Created, withdrawal.StatusCode);
        var firstDue = await FirstDueAsync(holder, id);

        await AdvanceToAsync(firstDue.AddDays(1));

        var loan = await _api.GetJsonAsync($"/loans/{id}", holder.Token);
        var first = loan.GetProperty("schedule")[0];
        Assert.Equal(50m, first.GetProperty("paid").GetDecimal());
        Assert.Equal("Overdue", first.Str("status"));
        Assert.Equal("Overdue", loan.Str("status"));
        Assert.Equal(1, loan.GetProperty("daysPastDue").GetInt32());
        Assert.Equal(0m, await _api.BalanceAsync(holder.AccountId, holder.Token));
        Assert.Contains(await _api.AllEntriesAsync(holder.AccountId, holder.Token), e => e.Kind() == "LoanRepayment" && e.Amount() == -50m);
    }

    [Fact]
    public async Task ClockAdvance_DueDateWithFunds_DebitsInstalmentAndStaysActive()
    {
        var holder = await _api.FundedAccountAsync(500m);
        var id = await AcceptedLoanAsync(holder, 1200m);
        var firstDue = await FirstDueAsync(holder, id);

        await AdvanceToAsync(firstDue.AddDays(2));

        var loan = await _api.GetJsonAsync($"/loans/{id}", holder.Token);
        var first = loan.GetProperty("schedule")[0];
        var instalment = first.GetProperty("principal").GetDecimal() + first.GetProperty("interest").GetDecimal();
        Assert.Equal("Paid", first.Str("status"));
        Assert.Equal("Active", loan.Str("status"));
        Assert.Equal(0, loan.GetProperty("daysPastDue").GetInt32());
        Assert.Equal(1700m - instalment, await _api.BalanceAsync(holder.AccountId, holder.Token));
    }

    private async Task<string> AcceptedLoanAsync(Holder holder, decimal amount)
    {
        var id = await _api.ApprovedLoanAsync(holder, amount);
        var accepted = await _api.SendAsync(HttpMethod.Post, $"/loans/{id}/accept", holder.Token);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        return id;
    }

    private async Task<DateOnly> FirstDueAsync(Holder holder, string id)
    {
        var loan = await _api.GetJsonAsync($"/loans/{id}", holder.Token);
        return DateOnly.Parse(loan.GetProperty("schedule")[0].Str("dueDate"), CultureInfo.InvariantCulture);
    }

    /// <summary>Moves the business clock forward to <paramref name="day"/> (never backwards).</summary>
    private async Task AdvanceToAsync(DateOnly day)
    {
        var now = (await _api.GetJsonAsync("/ops/clock", fixture.OperatorToken)).GetProperty("now").GetDateTimeOffset();
        var days = day.DayNumber - DateOnly.FromDateTime(now.UtcDateTime).DayNumber;
        Assert.True(days >= 0, $"The shared clock is already past {day}.");
        if (days > 0)
        {
            var response = await _api.SendAsync(HttpMethod.Post, "/ops/clock/advance", fixture.OperatorToken, new { days });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
