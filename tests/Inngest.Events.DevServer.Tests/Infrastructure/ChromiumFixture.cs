using Microsoft.Playwright;

namespace Inngest.Events.DevServer.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for the browser tests: Debian's <c>chromium</c> at <c>/usr/bin/chromium</c> (or the path in
/// <c>INNGEST_TESTS_CHROMIUM</c>), driven by Microsoft.Playwright's bundled driver. Playwright's own browser download is
/// never used. A missing Chromium fails the tests with what to install, rather than skipping them.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string DefaultPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public static string ExecutablePath => Environment.GetEnvironmentVariable("INNGEST_TESTS_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    public async Task InitializeAsync()
    {
        var path = ExecutablePath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {path}, and it is not there. On Debian or Ubuntu: apt-get update && apt-get install -y chromium " +
                "(.ci/run does this). Elsewhere, set INNGEST_TESTS_CHROMIUM to a Chromium or Chrome executable.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,

            // As root on a CI machine with a closed network: no sandbox, no GPU, no calls home.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--disable-default-apps", "--mute-audio", "--font-render-hinting=none",
            ],
        });
    }

    /// <summary>A fresh page of <paramref name="width"/> × <paramref name="height"/> CSS pixels (1280 wide by default).</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            ColorScheme = ColorScheme.Light,
            ReducedMotion = ReducedMotion.Reduce,
            TimezoneId = "UTC",
            Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
