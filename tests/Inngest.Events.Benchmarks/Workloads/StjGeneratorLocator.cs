using System.Reflection;

namespace Inngest.Events.Benchmarks.Workloads;

/// <summary>
/// Where System.Text.Json's source generator is: the path the build recorded (the targeting pack's analyzer the SDK
/// passes to this project), else the newest <c>Microsoft.NETCore.App.Ref</c> pack beside the running runtime.
/// </summary>
internal static class StjGeneratorLocator
{
    public const string FileName = "System.Text.Json.SourceGeneration.dll";

    public static string Find()
    {
        string? recorded = typeof(StjGeneratorLocator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "StjSourceGenerator")?.Value;
        if (!string.IsNullOrEmpty(recorded) && File.Exists(recorded))
        {
            return recorded;
        }

        // The runtime lives in {dotnet}/shared/Microsoft.NETCore.App/{version}/; the packs in {dotnet}/packs/.
        var runtimeDir = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        string? dotnetRoot = runtimeDir.Parent?.Parent?.Parent?.FullName;
        var candidates = new List<string>();
        foreach (string root in new[] { dotnetRoot, Environment.GetEnvironmentVariable("DOTNET_ROOT") }.OfType<string>().Distinct())
        {
            string packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
            if (!Directory.Exists(packs))
            {
                continue;
            }

            candidates.AddRange(Directory.GetDirectories(packs)
                .Where(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) && v.Major == Environment.Version.Major)
                .OrderByDescending(d => Version.Parse(Path.GetFileName(d).Split('-')[0]))
                .Select(d => Path.Combine(d, "analyzers", "dotnet", "cs", FileName)));
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"{FileName} was not found: the build recorded '{recorded}', and no Microsoft.NETCore.App.Ref {Environment.Version.Major}.x pack " +
                $"was found under {dotnetRoot ?? "(unknown)"}/packs. Install the .NET {Environment.Version.Major} SDK.");
    }
}
