using System.Text.Json;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Orleans.Fin.ConsoleTests;

/// <summary>A risk officer retrains a model from the models page and sees the new challenger the job registered.</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class ModelRetrainTests(ConsoleFixture fixture)
{
    private const string Model = "credit";

    [Fact]
    public async Task Retrain_FromTheModelsPage_FollowsTheJobAndListsTheNewChallenger()
    {
        var before = Versions(await fixture.Api.GetJsonAsync($"/ops/models/{Model}", fixture.AdminToken)).Select(v => v.Version).ToHashSet();
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.SignInAsync(fixture.RiskOfficerToken);
        await console.ShowAsync("#/models", "model-row");

        await console.Page.GetByTestId($"model-retrain-{Model}").ClickAsync();

        var job = console.Page.GetByTestId($"model-job-{Model}");
        await Expect(job).ToContainTextAsync("Succeeded → version", new() { Timeout = 240_000 });
        var version = SucceededVersion().Match(await job.InnerTextAsync()).Groups["version"].Value;
        Assert.DoesNotContain(version, before);
        var row = console.Page.Locator($"[data-testid=model-row][data-model='{Model}'][data-model-version='{version}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("Challenger");
        await Expect(row.GetByTestId("model-promote")).ToBeVisibleAsync();
        await Expect(console.Page.GetByTestId("error")).ToBeHiddenAsync();
        await console.ScreenshotAsync("11-model-retrained");

        var listed = Assert.Single(Versions(await fixture.Api.GetJsonAsync($"/ops/models/{Model}", fixture.AdminToken)), v => v.Version == version);
        Assert.Equal("Challenger", listed.Role);
        Assert.Equal(before.Count + 1, await console.Page.Locator($"[data-testid=model-row][data-model='{Model}']").CountAsync());
    }

    private static IEnumerable<(string Version, string Role)> Versions(JsonElement model) =>
        model.GetProperty("versions").EnumerateArray().Select(v => (v.GetProperty("version").GetString()!, v.GetProperty("role").GetString()!));

    [GeneratedRegex(@"Succeeded → version (?<version>\S+)")]
    private static partial Regex SucceededVersion();
}
