using System.Net;
using Microsoft.Playwright;
using Orleans.Fin.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Orleans.Fin.ConsoleTests;

/// <summary>Two members of staff promote a model version in the browser: the first asks, the same person cannot approve, a second one does.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ModelPromotionTests(ConsoleFixture fixture)
{
    private const string Model = "credit";

    static ModelPromotionTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Promote_AskedByOneOfficerApprovedByAnother_MakesTheVersionChampion()
    {
        var version = await ChallengerAsync();
        await using var maker = await ConsolePage.OpenAsync(fixture);
        await maker.SignInAsync(fixture.RiskOfficerToken);
        await maker.ShowAsync("#/models", "model-row");

        await PromoteAsync(maker, version, "validated on the spring applications");

        await Expect(Row(maker, version).GetByTestId("model-promote-status"))
            .ToContainTextAsync($"Pending approval: asked by {ConsoleFixture.RiskOfficerSubject}; a risk officer or admin other than them must approve.");
        using var selfApproval = await fixture.Api.SendAsync(HttpMethod.Post, $"/ops/models/{Model}/promote", fixture.RiskOfficerToken,
            new { version, note = "approving my own request", @override = true });
        var refusal = await FinApiClient.AssertProblemAsync(selfApproval, HttpStatusCode.Forbidden, "forbidden");
        await PromoteAsync(maker, version, "approving my own request");
        await Expect(maker.Page.GetByTestId("error")).ToHaveTextAsync(refusal.GetProperty("title").GetString()!);
        await maker.ShowAsync("#/kpis", "kpi-time-to-freeze");
        await maker.ShowAsync("#/models", "model-pending");
        await Expect(maker.Page.GetByTestId("model-pending")).ToContainTextAsync($"asked by {ConsoleFixture.RiskOfficerSubject}");
        await Expect(maker.Page.GetByTestId("model-pending")).ToContainTextAsync($"a risk officer or admin other than {ConsoleFixture.RiskOfficerSubject} must approve it");
        await maker.ScreenshotAsync("10-model-pending");

        await using var checker = await ConsolePage.OpenAsync(fixture);
        await checker.SignInAsync(fixture.AdminToken);
        await checker.ShowAsync("#/models", "model-row");
        await PromoteAsync(checker, version, "second pair of eyes: accepted");

        await Expect(Row(checker, version)).ToContainTextAsync("Champion");
        await Expect(Row(checker, version)).ToContainTextAsync($"asked by {ConsoleFixture.RiskOfficerSubject}, approved by {ConsoleFixture.AdminSubject}");
        await Expect(checker.Page.GetByTestId("model-pending")).ToHaveCountAsync(0);
        var model = await fixture.Api.GetJsonAsync($"/ops/models/{Model}", fixture.AdminToken);
        Assert.Equal(version, model.GetProperty("champion").GetString());
    }

    private static ILocator Row(ConsolePage console, string version) =>
        console.Page.Locator($"[data-testid=model-row][data-model='{Model}'][data-model-version='{version}']");

    private static async Task PromoteAsync(ConsolePage console, string version, string note)
    {
        var row = Row(console, version);
        await row.GetByPlaceholder("note").FillAsync(note);
        await row.GetByRole(AriaRole.Checkbox).CheckAsync();
        await row.GetByTestId("model-promote").ClickAsync();
    }

    private async Task<string> ChallengerAsync()
    {
        var model = await fixture.Api.GetJsonAsync($"/ops/models/{Model}", fixture.AdminToken);
        return model.GetProperty("versions").EnumerateArray()
            .First(v => v.GetProperty("role").GetString() != "Champion")
            .GetProperty("version").GetString()!;
    }
}
