using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Orleans.Fin.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Orleans.Fin.ConsoleTests;

/// <summary>The console works from the keyboard, every page reads at WCAG AA contrast, and API refusals show their title.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class KeyboardAndContrastTests(ConsoleFixture fixture)
{
    private const int MaxTabs = 60;

    static KeyboardAndContrastTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Queue_ByKeyboardOnly_FiltersOnTheServerAndOpensTheCaseWithEnter()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var (caseId, customerId) = await ReferAsync($"keyboard check {tag}");
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await FocusedAsync(console, "el => el.textContent.trim()"));
        await TabUntilAsync(console, "el => el.dataset.testid === 'signin-token'");
        await console.Page.Keyboard.InsertTextAsync(fixture.RiskOfficerToken);
        await TabUntilAsync(console, "el => el.dataset.testid === 'signin-submit'");
        await console.Page.Keyboard.PressAsync("Enter");
        await console.Page.GetByRole(AriaRole.Heading, new() { Name = "Case queue" }).WaitForAsync();
        Assert.Equal("main", await FocusedAsync(console, "el => el.id")); // focus moves to the page's content

        await TabUntilAsync(console, "el => el.id === 'filter-trigger'");
        await console.Page.Keyboard.TypeAsync(tag);
        await console.Page.Keyboard.PressAsync("Enter");
        var rows = console.Page.GetByTestId("case-row");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToHaveAttributeAsync("data-case-id", caseId);
        Assert.Contains(console.Requested, url => url.Contains("/risk/cases?", StringComparison.Ordinal) && url.Contains($"trigger={tag}", StringComparison.Ordinal));

        await TabUntilAsync(console, "el => el.dataset.testid === 'case-row'");
        Assert.Equal(caseId, await FocusedAsync(console, "el => el.dataset.caseId"));
        Assert.Equal("solid", await FocusedAsync(console, "el => getComputedStyle(el).outlineStyle")); // focus is drawn
        await console.Page.Keyboard.PressAsync("Enter");

        await Expect(console.Page.GetByTestId("case-detail")).ToBeVisibleAsync();
        await Expect(console.Page.GetByTestId("case-customer-id")).ToHaveTextAsync(customerId);
        Assert.EndsWith($"#/cases/{caseId}", console.Page.Url, StringComparison.Ordinal);
        await TabUntilAsync(console, "el => el.dataset.testid === 'case-resolve-note'");
        await console.Page.Keyboard.TypeAsync("Checked with the customer by phone.");
        await TabUntilAsync(console, "el => el.dataset.testid === 'case-resolve-false-positive'");
        await console.Page.Keyboard.PressAsync("Enter");
        await Expect(console.Page.GetByTestId("case-status")).ToHaveTextAsync("Closed");
    }

    [Theory]
    [InlineData("#/cases", "case-row")]
    [InlineData("#/case", "case-detail")]
    [InlineData("#/alerts", "alert-row")]
    [InlineData("#/customers", "customer-search-id")]
    [InlineData("#/customer", "customer-detail")]
    [InlineData("#/kpis", "kpi-time-to-freeze")]
    [InlineData("#/models", "model-row")]
    public async Task Page_Rendered_HasReadableContrastEverywhere(string route, string testId)
    {
        var (caseId, customerId) = await ReferAsync("contrast check");
        await using var console = await ConsolePage.OpenAsync(fixture);
        Assert.Empty(await console.Page.EvaluateAsync<string[]>(ContrastProbe.Script)); // the sign-in page
        await console.SignInAsync(fixture.RiskOfficerToken);
        var target = route switch
        {
            "#/case" => $"#/cases/{caseId}",
            "#/customer" => $"#/customers/{customerId}",
            _ => route,
        };

        await console.ShowAsync(target, testId);
        await console.Page.GetByRole(AriaRole.Heading).First.WaitForAsync();

        var failures = await console.Page.EvaluateAsync<string[]>(ContrastProbe.Script);
        Assert.True(failures.Length == 0, $"Text below WCAG AA contrast on {target}: {string.Join("; ", failures)}");
    }

    [Fact]
    public async Task ContrastProbe_FaintTextOnAPage_IsReported()
    {
        await using var console = await ConsolePage.OpenAsync(fixture);

        await console.Page.EvaluateAsync("() => { const p = document.createElement('p'); p.style.color = '#b0b0b0'; p.textContent = 'faint grey note'; document.getElementById('main').append(p); }");

        var failure = Assert.Single(await console.Page.EvaluateAsync<string[]>(ContrastProbe.Script));
        Assert.StartsWith("faint grey note | 2.", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCaseAndCustomer_ShowTheApisProblemTitle()
    {
        const string unknownCase = "case_00000000000000000000000000";
        const string unknownCustomer = "cus_00000000000000000000000000";
        using var caseRefusal = await fixture.Api.SendAsync(HttpMethod.Get, $"/risk/cases/{unknownCase}", fixture.RiskOfficerToken);
        var caseTitle = (await FinApiClient.AssertProblemAsync(caseRefusal, HttpStatusCode.NotFound, "not-found")).GetProperty("title").GetString()!;
        using var customerRefusal = await fixture.Api.SendAsync(HttpMethod.Get, $"/customers/{unknownCustomer}", fixture.RiskOfficerToken);
        var customerTitle = (await FinApiClient.AssertProblemAsync(customerRefusal, HttpStatusCode.NotFound, "not-found")).GetProperty("title").GetString()!;
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.SignInAsync(fixture.RiskOfficerToken);

        await console.Page.EvaluateAsync("route => { location.hash = route; }", $"#/cases/{unknownCase}");
        await Expect(console.Page.GetByTestId("error")).ToHaveTextAsync(caseTitle);

        await console.ShowAsync("#/customers", "customer-search-id");
        await console.Page.GetByTestId("customer-search-id").FillAsync(unknownCustomer);
        await console.Page.GetByTestId("customer-search-id").PressAsync("Enter");
        await Expect(console.Page.GetByTestId("error")).ToHaveTextAsync(customerTitle);
        await Expect(console.Page.GetByTestId("customer-detail")).ToHaveCountAsync(0);
    }

    private async Task<(string CaseId, string CustomerId)> ReferAsync(string reason)
    {
        var (customerId, token) = await fixture.Api.NewCustomerAsync();
        await fixture.Api.OpenAccountAsync(token, customerId);
        using var response = await fixture.Api.SendAsync(HttpMethod.Post, "/risk/cases", fixture.RiskOfficerToken, new { customerId, reason });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var opened = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (opened.GetProperty("id").GetString()!, customerId);
    }

    private static Task<string> FocusedAsync(ConsolePage console, string expression) =>
        console.Page.EvaluateAsync<string>($"() => {{ const el = document.activeElement; return el ? String(({expression})(el)) : ''; }}");

    /// <summary>Presses Tab until the focused element satisfies <paramref name="predicate"/> (a JS function of the element).</summary>
    private static async Task TabUntilAsync(ConsolePage console, string predicate)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await console.Page.Keyboard.PressAsync("Tab");
            if (await FocusedAsync(console, predicate) == "true")
            {
                return;
            }
        }

        Assert.Fail($"{MaxTabs} presses of Tab never reached the element ({predicate}).");
    }
}
