using Microsoft.Playwright;

namespace Orleans.Fin.ConsoleTests;

/// <summary>
/// One browser tab on the console. It records every URL the page requests, so a test can prove that nothing is
/// fetched from outside the node and that the token never appears in a URL.
/// </summary>
public sealed class ConsolePage : IAsyncDisposable
{
    private readonly ConsoleFixture _fixture;
    private readonly List<string> _requested = [];

    private ConsolePage(ConsoleFixture fixture, IPage page)
    {
        _fixture = fixture;
        Page = page;
        page.Request += (_, request) =>
        {
            lock (_requested)
            {
                _requested.Add(request.Url);
            }
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Requested
    {
        get
        {
            lock (_requested)
            {
                return [.. _requested];
            }
        }
    }

    public static async Task<ConsolePage> OpenAsync(ConsoleFixture fixture)
    {
        var page = new ConsolePage(fixture, await fixture.Browser.NewPageAsync());
        await page.Page.GotoAsync("/console");
        await page.Page.GetByTestId("signin-token").WaitForAsync();
        return page;
    }

    /// <summary>Signs in with a staff token and waits for the case queue.</summary>
    public async Task SignInAsync(string token)
    {
        await SubmitTokenAsync(token);
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Case queue" }).WaitForAsync();
    }

    /// <summary>Pastes a token into the sign-in form and submits it, whatever the API then says.</summary>
    public async Task SubmitTokenAsync(string token)
    {
        await Page.GetByTestId("signin-token").FillAsync(token);
        await Page.GetByTestId("signin-submit").ClickAsync();
    }

    /// <summary>Goes to a console route (e.g. "#/kpis") and waits until the element with <paramref name="testId"/> shows.</summary>
    public async Task<ILocator> ShowAsync(string route, string testId)
    {
        await Page.EvaluateAsync("route => { location.hash = route; }", route);
        var locator = Page.GetByTestId(testId).First;
        await locator.WaitForAsync();
        return locator;
    }

    /// <summary>Saves the whole page as name.png and what a 1280x800 screen shows as name-screen.png.</summary>
    public async Task ScreenshotAsync(string name)
    {
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_fixture.ScreenshotDirectory, $"{name}.png"), FullPage = true });
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_fixture.ScreenshotDirectory, $"{name}-screen.png") });
    }

    public async ValueTask DisposeAsync() => await Page.CloseAsync();
}
