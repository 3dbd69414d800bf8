using System.Globalization;
using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

/// <summary>
/// A node of its own (the indicators are cluster-wide, so exact figures need traffic nobody else adds to) with labelled
/// traffic made through the API. Risk: two customers with six ordinary payments each that stay unreported for the label
/// window, a stolen session the engine declines (20,000, case confirmed), a fraud the engine let through (1,000, referred
/// and confirmed) and a referral that was a false positive. Credit: a loan left unpaid to non-performing (1,200), one
/// overdue (1,200), one current (600) and an application refused because the account is frozen. Every unreported payment
/// is kept as a training negative (sample rate 1).
/// </summary>
public sealed class LabelledTraffic : IAsyncLifetime
{
    private const string ThiefPhone = "thief-phone";

    public FinNodeFixture Node { get; } = FinNodeFixture.With(new Dictionary<string, string?> { ["RiskControl:NegativeSampleRate"] = "1" });

    private FinApiClient Api => Node.Api;

    public async Task InitializeAsync()
    {
        await Node.InitializeAsync();
        var steps = new FraudSteps(Node);

        // Credit: non-performing, then overdue, each with nothing to debit (the account is frozen).
        var npl = await UnpaidLoanAsync(1200m);
        await AdvanceToAsync((await FirstDueAsync(npl)).AddDays(91));
        var overdue = await UnpaidLoanAsync(1200m);
        await AdvanceToAsync((await FirstDueAsync(overdue)).AddDays(1));
        var refused = await Api.ApplyAsync(overdue.Holder, LoanSteps.Steady(overdue.Holder, 500m));
        Assert.Equal("Rejected", refused.Str("decision"));

        // Risk: ordinary customers, then a day later a stolen session on one of them.
        var ordinary = await steps.EstablishedAsync(1_000m);
        var victim = await steps.EstablishedAsync(100_000m);
        await AdvanceDaysAsync(1);
        var mule = await Api.FundedAccountAsync(0m);
        await steps.LoginAsync(victim, ThiefPhone, "Urumqi");
        await steps.SeenAsync(victim.CustomerId, 8);
        await steps.BindAsync(victim, ThiefPhone);
        var stolen = await steps.PayAsync(victim, mule.AccountId, 20_000m, ThiefPhone, "Urumqi");
        Assert.Equal("Declined", stolen.Str("status"));
        var victimCase = (await steps.RiskAsync(victim.CustomerId)).Str("openCaseId");
        await ResolveAsync(victimCase, "ConfirmedFraud");

        var missed = await Api.FundedAccountAsync(5_000m);
        var missedPayment = await steps.PayAsync(missed, mule.AccountId, 1_000m);
        Assert.Equal("Completed", missedPayment.Str("status"));
        await ResolveAsync(await ReferAsync(missed), "ConfirmedFraud");
        await ResolveAsync(await ReferAsync(await Api.FundedAccountAsync(10m)), "FalsePositive");

        // The label window passes; the next event of each customer labels its unreported payments.
        await AdvanceDaysAsync(31);
        foreach (var holder in new[] { ordinary, victim })
        {
            var seen = (await steps.RiskAsync(holder.CustomerId)).GetProperty("observedEvents").GetInt64();
            await steps.LoginAsync(holder, FraudSteps.HomePhone, FraudSteps.Home);
            await steps.SeenAsync(holder.CustomerId, seen + 1);
        }

        // A payment check without IP or place (an incomplete record), and a current loan taken out today.
        var friend = await Api.FundedAccountAsync(0m);
        await Api.PayAsync(ordinary.Token, ordinary.AccountId, friend.AccountId, 10m);
        var current = await Api.FundedAccountAsync(0m);
        await AcceptAsync(current, await Api.ApprovedLoanAsync(current, 600m));
    }

    public Task DisposeAsync() => Node.DisposeAsync();

    /// <summary>The indicators once the one-way counts have all arrived (<paramref name="ready"/>).</summary>
    public async Task<JsonElement> KpisAsync(Func<JsonElement, bool> ready)
    {
        JsonElement kpis = default;
        await FraudSteps.EventuallyAsync(
            async () => ready(kpis = await Api.GetJsonAsync("/ops/kpis", Node.OperatorToken)), "every count reached /ops/kpis");
        return kpis;
    }

    private async Task<(Holder Holder, string LoanId)> UnpaidLoanAsync(decimal amount)
    {
        var holder = await Api.FundedAccountAsync(0m);
        var id = await Api.ApprovedLoanAsync(holder, amount);
        await AcceptAsync(holder, id);
        await Api.FreezeAsync(Node.OperatorToken, holder.AccountId);
        return (holder, id);
    }

    private async Task AcceptAsync(Holder holder, string loanId) =>
        Assert.Equal(HttpStatusCode.OK, (await Api.SendAsync(HttpMethod.Post, $"/loans/{loanId}/accept", holder.Token)).StatusCode);

    private async Task<DateOnly> FirstDueAsync((Holder Holder, string LoanId) loan)
    {
        var view = await Api.GetJsonAsync($"/loans/{loan.LoanId}", loan.Holder.Token);
        return DateOnly.Parse(view.GetProperty("schedule")[0].Str("dueDate"), CultureInfo.InvariantCulture);
    }

    private async Task AdvanceToAsync(DateOnly day)
    {
        var now = (await Api.GetJsonAsync("/ops/clock", Node.OperatorToken)).GetProperty("now").GetDateTimeOffset();
        await AdvanceDaysAsync(day.DayNumber - DateOnly.FromDateTime(now.UtcDateTime).DayNumber);
    }

    private async Task AdvanceDaysAsync(int days) =>
        Assert.Equal(HttpStatusCode.OK, (await Api.SendAsync(HttpMethod.Post, "/ops/clock/advance", Node.OperatorToken, new { days })).StatusCode);

    private async Task<string> ReferAsync(Holder holder)
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/risk/cases", Node.RiskOfficerToken, new { customerId = holder.CustomerId, reason = "reported by the customer" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).Str("id");
    }

    private async Task ResolveAsync(string caseId, string outcome) =>
        Assert.Equal(HttpStatusCode.OK, (await Api.SendAsync(HttpMethod.Post, $"/risk/cases/{caseId}/resolve", Node.AdminToken, new { outcome, note = "investigated" })).StatusCode);
}
