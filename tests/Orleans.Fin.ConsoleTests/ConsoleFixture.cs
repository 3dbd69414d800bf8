using Microsoft.Playwright;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.ConsoleTests;

/// <summary>
/// One all-in-one node on a real loopback port and one headless Chromium (the system's own, started with a fresh
/// profile), shared by the console tests; each test opens its own page, so no session storage is shared.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string RiskOfficerSubject = "officer-console";
    public const string AdminSubject = "admin-console";
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly string _profile = Directory.CreateTempSubdirectory("orleans-fin-chromium-").FullName;
    private IPlaywright? _playwright;

    public FinNode Node { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public FinApiClient Api { get; private set; } = null!;

    public IBrowserContext Browser { get; private set; } = null!;

    public string RiskOfficerToken { get; private set; } = "";

    public string AdminToken { get; private set; } = "";

    /// <summary>Where screenshots go: FIN_CONSOLE_SCREENSHOTS (the test script points it into the results directory) or bin/…/screenshots.</summary>
    public string ScreenshotDirectory { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("FIN_CONSOLE_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        BaseAddress = Node.ServeOnLoopback();
        Api = new FinApiClient(new HttpClient { BaseAddress = BaseAddress });
        await Api.WaitUntilReadyAsync();
        RiskOfficerToken = await Api.TokenAsync(RiskOfficerSubject, "risk-officer");
        AdminToken = await Api.TokenAsync(AdminSubject, "admin");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            BaseURL = BaseAddress.ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        Api?.Http.Dispose();
        await Node.DisposeAsync();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be letting go of its profile; the temporary directory is cleaned up with the machine.
        }
    }
}
