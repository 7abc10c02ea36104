using Microsoft.Playwright;

namespace Inngest.Events.DevServer.Tests.Infrastructure;

/// <summary>
/// Screenshots the browser tests take: always into the test output (<c>screenshots/</c>), and, with
/// <c>UPDATE_SCREENSHOTS=1</c>, the published ones also into <c>docs/images/</c> of the repository, where README shows them.
/// </summary>
internal static class Screenshots
{
    public static async Task<byte[]> TakeAsync(IPage page, string name, bool fullPage = true, bool publish = true)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
        if (publish && Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1")
        {
            var images = Path.Combine(RepositoryRoot(), "docs", "images");
            Directory.CreateDirectory(images);
            await File.WriteAllBytesAsync(Path.Combine(images, name + ".png"), png);
        }

        return png;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Generators.sln above {AppContext.BaseDirectory}.");
    }
}
