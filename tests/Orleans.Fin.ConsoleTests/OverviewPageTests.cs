using System.Globalization;
using System.Text.Json;
using Orleans.Fin.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Orleans.Fin.ConsoleTests;

/// <summary>The alerts, customer and model pages show what the API reports.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class OverviewPageTests(ConsoleFixture fixture)
{
    static OverviewPageTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task AlertsAndCustomer_AfterATakeover_ShowTheAlertAndTheFrozenPicture()
    {
        var takeover = await TakeoverScenario.RunAsync(fixture.Api, fixture.AdminToken);
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.SignInAsync(fixture.RiskOfficerToken);
        await console.ShowAsync("#/alerts", "alert-row");

        await console.Page.Locator("#alert-customer").FillAsync(takeover.CustomerId);
        await console.Page.Locator("#alert-customer").PressAsync("Enter");
        await console.Page.Locator("#alert-customer").BlurAsync();

        var alert = console.Page.GetByTestId("alert-row").Filter(new() { HasText = "FraudSuspected" });
        await Expect(alert).ToContainTextAsync(takeover.CaseId);
        foreach (var row in await console.Page.GetByTestId("alert-row").AllAsync())
        {
            await Expect(row).ToContainTextAsync(takeover.CustomerId); // the filter went to the API
        }

        await console.ScreenshotAsync("05-alerts");

        await console.ShowAsync("#/customers", "customer-search-id");
        await console.Page.GetByTestId("customer-search-id").FillAsync(takeover.CustomerId);
        await console.Page.GetByTestId("customer-search-submit").ClickAsync();

        await Expect(console.Page.GetByTestId("customer-detail")).ToContainTextAsync(takeover.CustomerId);
        await Expect(console.Page.GetByTestId("account-row")).ToHaveCountAsync(2);
        await Expect(console.Page.Locator($"[data-account-id='{takeover.AccountId}'] [data-testid=account-status]")).ToHaveTextAsync("Frozen");
        await Expect(console.Page.GetByTestId("customer-risk-level")).ToHaveTextAsync("High");
        await console.ScreenshotAsync("06-customer");
    }

    [Fact]
    public async Task Models_ListEveryVersionTheApiReportsWithItsMetrics()
    {
        var models = await fixture.Api.GetJsonAsync("/ops/models", fixture.AdminToken);
        var versions = Versions(models).ToList();
        Assert.NotEmpty(versions);
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.SignInAsync(fixture.RiskOfficerToken);

        await console.ShowAsync("#/models", "model-row");

        await Expect(console.Page.GetByTestId("model-row")).ToHaveCountAsync(versions.Count);
        foreach (var (version, role, metric) in versions)
        {
            var row = console.Page.Locator($"[data-testid=model-row][data-model-version='{version}']");
            await Expect(row).ToContainTextAsync(role);
            if (metric is { } m)
            {
                await Expect(row.GetByTestId("model-metrics")).ToContainTextAsync($"{m.Name} {m.Value.ToString("#,##0.000", CultureInfo.InvariantCulture)}");
            }
        }

        await console.ScreenshotAsync("08-models");
    }

    /// <summary>(version, role, first validation metric) of every version, whether the API groups versions per model or not.</summary>
    private static IEnumerable<(string Version, string Role, (string Name, double Value)? Metric)> Versions(JsonElement models)
    {
        var list = models.ValueKind == JsonValueKind.Array ? models : models.GetProperty("models");
        foreach (var item in list.EnumerateArray())
        {
            var versions = item.TryGetProperty("versions", out var nested) ? nested.EnumerateArray().ToList() : [item];
            foreach (var v in versions)
            {
                var metrics = v.TryGetProperty("validationMetrics", out var validation) ? validation : v.TryGetProperty("metrics", out var plain) ? plain : default;
                (string, double)? first = metrics.ValueKind == JsonValueKind.Object
                    && metrics.EnumerateObject().FirstOrDefault(p => p.Value.ValueKind == JsonValueKind.Number) is { Name: { } name } property
                    && !IsInteger(property.Value)
                    ? (name, property.Value.GetDouble())
                    : null;
                yield return (v.GetProperty("version").GetString()!, v.GetProperty("role").GetString()!, first);
            }
        }
    }

    private static bool IsInteger(JsonElement number) => number.TryGetInt64(out _);
}
