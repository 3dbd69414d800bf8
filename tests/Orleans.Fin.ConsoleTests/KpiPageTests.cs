using System.Globalization;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace Orleans.Fin.ConsoleTests;

/// <summary>The KPI page draws every indicator of the API contract and writes beside each bar exactly what the API reports.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class KpiPageTests(ConsoleFixture fixture)
{
    private const string Dash = "—";

    /// <summary>Each indicator's hook, the API field (then the older flat field it may still come as) and how it is written.</summary>
    private static readonly (string TestId, string[][] Paths, Func<double, string> Format)[] Indicators =
    [
        ("kpi-value-time-to-freeze-p50", [["timeToFreezeMs", "p50"], ["medianTimeToFreezeMs"]], Milliseconds),
        ("kpi-value-time-to-freeze-p99", [["timeToFreezeMs", "p99"], ["p99TimeToFreezeMs"]], Milliseconds),
        ("kpi-value-fraudInterceptionRate", [["fraudInterceptionRate"]], f => Percent(f, 1)),
        ("kpi-value-fraudInterceptionUplift", [["fraudInterceptionUplift"]], f => (f > 0 ? "+" : "") + Percent(f, 1)),
        ("kpi-value-riskIdentificationAccuracy", [["riskIdentificationAccuracy"]], f => Percent(f, 1)),
        ("kpi-value-falsePositiveRate", [["falsePositiveRate"]], f => Percent(f, 1)),
        ("kpi-value-modelUsageRate", [["modelUsageRate"]], f => Percent(f, 1)),
        ("kpi-value-autoDecisionRate", [["autoDecisionRate"]], f => Percent(f, 1)),
        ("kpi-value-approvalRate", [["approvalRate"]], f => Percent(f, 1)),
        ("kpi-value-dataQualityRate", [["dataQualityRate"]], f => Percent(f, 1)),
        ("kpi-value-overdueRate", [["overdueRate"]], f => Percent(f, 2)),
        ("kpi-value-overdueRateByCount", [["overdueRateByCount"]], f => Percent(f, 2)),
        ("kpi-value-nplRatio", [["nplRatio"]], f => Percent(f, 2)),
        ("kpi-value-nplRatioByCount", [["nplRatioByCount"]], f => Percent(f, 2)),
    ];

    private static readonly string[] Charts =
    [
        "kpi-time-to-freeze", "kpi-interception", "kpi-accuracy", "kpi-false-positives", "kpi-model-usage", "kpi-data-quality", "kpi-overdue", "kpi-npl",
    ];

    static KpiPageTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Kpis_AfterAnEngineFreezeAndAConfirmedFraud_ShowEveryNumberTheApiReports()
    {
        var takeover = await TakeoverScenario.RunAsync(fixture.Api, fixture.AdminToken);
        await takeover.ConfirmFraudAsync(fixture.Api, fixture.RiskOfficerToken);
        var kpis = await SettledKpisAsync();
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.SignInAsync(fixture.RiskOfficerToken);

        await console.ShowAsync("#/kpis", "kpi-time-to-freeze");

        foreach (var chart in Charts)
        {
            await Expect(console.Page.Locator($"[data-testid={chart}] svg rect.track").First).ToBeVisibleAsync();
        }

        var shown = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (testId, paths, format) in Indicators)
        {
            var value = paths.Select(p => Number(kpis, p)).FirstOrDefault(v => v is not null);
            shown[testId] = value is { } v ? format(v) : Dash;
            await Expect(console.Page.GetByTestId(testId)).ToHaveTextAsync(shown[testId]);
        }

        // A takeover froze accounts and its case was confirmed as fraud: these are numbers, not dashes.
        Assert.NotEqual(Dash, shown["kpi-value-time-to-freeze-p50"]);
        Assert.NotEqual(Dash, shown["kpi-value-time-to-freeze-p99"]);
        Assert.NotEqual(Dash, shown["kpi-value-fraudInterceptionRate"]);
        await Expect(console.Page.GetByTestId("kpi-time-to-freeze-figure"))
            .ToHaveTextAsync($"p50 {shown["kpi-value-time-to-freeze-p50"]} · p99 {shown["kpi-value-time-to-freeze-p99"]}");
        await Expect(console.Page.GetByTestId("kpi-interception-figure"))
            .ToHaveTextAsync($"{shown["kpi-value-fraudInterceptionRate"]} · uplift {shown["kpi-value-fraudInterceptionUplift"]}");
        await Expect(console.Page.Locator("[data-testid=kpi-time-to-freeze] svg rect.bar")).ToHaveCountAsync(2);
        await console.ScreenshotAsync("07-kpis");
    }

    /// <summary>The indicators once two reads a second apart agree (a freeze is counted a moment after it lands).</summary>
    private async Task<JsonElement> SettledKpisAsync()
    {
        var before = await fixture.Api.GetJsonAsync("/ops/kpis", fixture.AdminToken);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = await fixture.Api.GetJsonAsync("/ops/kpis", fixture.AdminToken);
            if (now.GetRawText() == before.GetRawText())
            {
                return now;
            }

            before = now;
        }

        return before;
    }

    private static double? Number(JsonElement element, string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.Number ? element.GetDouble() : null;
    }

    private static string Milliseconds(double value) =>
        Math.Round(value, MidpointRounding.AwayFromZero).ToString("#,##0", CultureInfo.InvariantCulture) + " ms";

    private static string Percent(double fraction, int digits) =>
        (fraction * 100).ToString(digits == 1 ? "#,##0.0" : "#,##0.00", CultureInfo.InvariantCulture) + "%";
}
