using System.Reflection;
using System.Text.RegularExpressions;
using Inngest.Events.Generators.SchemaLock;
using Inngest.Events.Generators.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Inngest.Events.Generators.Tests.SchemaLock;

/// <summary>
/// The documented command, <c>dotnet build -p:InngestUpdateEventsLock=true</c>, as a user runs it: the Inngest.Events
/// package is packed from this build, and two projects restore it from a folder of their own (a contracts library with a
/// shared event, and an app with its own event that references the library). The command writes each project's lock
/// (the app's without the library's event), is byte-stable on a rerun, takes in a new event, refuses a breaking change
/// (the build fails with INNG1020 and the lock stays as it was), records a new version beside the old one, and leaves an
/// unreadable lock alone (INNG1023 with the file's line and column).
/// </summary>
public sealed partial class LockCommandTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);

    private readonly DotnetCli _dotnet = new(output, StepTimeout);

    [Fact]
    public async Task The_update_command_writes_and_refreshes_each_projects_lock_and_never_takes_in_a_breaking_change()
    {
        var repository = DotnetCli.RepositoryRoot();
        var root = Path.Combine(Path.GetTempPath(), "inngest-lock-command-" + Guid.NewGuid().ToString("N"));
        var feed = Path.Combine(root, "feed");
        var version = "0.1.0-lock." + Guid.NewGuid().ToString("N")[..12];
        var contracts = Path.Combine(root, "Contracts");
        var app = Path.Combine(root, "App");
        var contractsLock = Path.Combine(contracts, EventLockFile.FileName);
        var appLock = Path.Combine(app, EventLockFile.FileName);
        var succeeded = false;
        try
        {
            var configuration = typeof(LockCommandTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            await _dotnet.RunAsync(repository, "pack", Path.Combine("src", "Inngest.Events", "Inngest.Events.csproj"), "-c", configuration, "--no-build", "-o", feed, "-p:PackageVersion=" + version);
            WriteProjects(root, feed, version);

            // No lock yet: the rules are off and the build is clean.
            await _dotnet.RunAsync(app, "restore");
            Assert.Empty(Diagnostics(await BuildAsync(app)));

            // The first update writes both locks (the property reaches the referenced library's build too).
            var first = await _dotnet.RunAsync(app, "build", "--no-restore", "--disable-build-servers", "-p:InngestUpdateEventsLock=true");
            Assert.Contains("Inngest.Events: wrote " + appLock, first, StringComparison.Ordinal);
            Assert.Contains("Inngest.Events: wrote " + contractsLock, first, StringComparison.Ordinal);
            var appText = File.ReadAllText(appLock);
            var contractsText = File.ReadAllText(contractsLock);
            Assert.Equal(["shop/order.shipped"], EventLockFile.Parse(appText).Events.Keys);
            Assert.Equal(["shop/order.placed"], EventLockFile.Parse(contractsText).Events.Keys);
            Assert.Empty(Diagnostics(await BuildAsync(app)));

            // A rerun changes nothing, byte for byte.
            var rerun = await _dotnet.RunAsync(app, "build", "--no-restore", "--disable-build-servers", "-p:InngestUpdateEventsLock=true");
            Assert.Contains("Inngest.Events: " + appLock + " is up to date.", rerun, StringComparison.Ordinal);
            Assert.Equal(appText, File.ReadAllText(appLock));
            Assert.Equal(contractsText, File.ReadAllText(contractsLock));

            // A new event in the app is a warning until the update takes it in.
            File.AppendAllText(Path.Combine(app, "Events.cs"), "\n[Event(\"shop/order.returned\")]\npublic partial record OrderReturned(string OrderId, string Reason);\n");
            Assert.Equal(["INNG1022"], Diagnostics(await BuildAsync(app)).Select(d => d.Id));
            await _dotnet.RunAsync(app, "build", "--no-restore", "--disable-build-servers", "-p:InngestUpdateEventsLock=true");
            Assert.Equal(["shop/order.returned", "shop/order.shipped"], EventLockFile.Parse(File.ReadAllText(appLock)).Events.Keys.Order(StringComparer.Ordinal));
            Assert.Empty(Diagnostics(await BuildAsync(app)));

            // A breaking change to the shared contract fails the build, and the update refuses it.
            var contractsSource = Path.Combine(contracts, "OrderPlaced.cs");
            var original = File.ReadAllText(contractsSource);
            File.WriteAllText(contractsSource, original.Replace("int Quantity", "string Quantity", StringComparison.Ordinal));
            var breaking = Diagnostics(await BuildAsync(app, expectFailure: true));
            var error = Assert.Single(breaking);
            Assert.Equal("INNG1020", error.Id);
            Assert.Contains("'shop/order.placed' (version '1')", error.Line, StringComparison.Ordinal);
            Assert.Contains("$.quantity changed from integer to string", error.Line, StringComparison.Ordinal);
            var (refusedExit, _) = await _dotnet.TryRunAsync(app, "build", "--no-restore", "--disable-build-servers", "-p:InngestUpdateEventsLock=true");
            Assert.NotEqual(0, refusedExit);
            Assert.Equal(contractsText, File.ReadAllText(contractsLock));

            // With a new version the update records it beside version 1, which stays as it was.
            File.WriteAllText(contractsSource, original.Replace("int Quantity", "string Quantity", StringComparison.Ordinal).Replace("Version = \"1\"", "Version = \"2\"", StringComparison.Ordinal));
            await _dotnet.RunAsync(app, "build", "--no-restore", "--disable-build-servers", "-p:InngestUpdateEventsLock=true");
            var versions = EventLockFile.Parse(File.ReadAllText(contractsLock)).Events["shop/order.placed"];
            Assert.Equal("2", versions.Current);
            Assert.True(LockNode.DeepEquals(EventLockFile.Parse(contractsText).Events["shop/order.placed"].Versions["1"].Node, versions.Versions["1"].Node));
            Assert.Empty(Diagnostics(await BuildAsync(app)));

            // An unreadable lock fails the build at its line and column, and the update does not overwrite it.
            var broken = File.ReadAllText(appLock).Replace("\"lockVersion\": 1,", "\"lockVersion\": 1", StringComparison.Ordinal);
            File.WriteAllText(appLock, broken);
            var unreadable = Assert.Single(Diagnostics(await BuildAsync(app, expectFailure: true)));
            Assert.Equal("INNG1023", unreadable.Id);
            Assert.Contains(EventLockFile.FileName + "(4,3)", unreadable.Line, StringComparison.Ordinal);
            var (brokenExit, _) = await _dotnet.TryRunAsync(app, "build", "--no-restore", "--disable-build-servers", "-p:InngestUpdateEventsLock=true");
            Assert.NotEqual(0, brokenExit);
            Assert.Equal(broken, File.ReadAllText(appLock));
            succeeded = true;
        }
        finally
        {
            if (succeeded)
            {
                Directory.Delete(root, recursive: true);
            }
            else
            {
                output.WriteLine($"The projects are kept at {root}");
            }
        }
    }

    private async Task<string> BuildAsync(string directory, bool expectFailure = false)
    {
        var (exit, text) = await _dotnet.TryRunAsync(directory, "build", "--no-restore", "--disable-build-servers", "-clp:NoSummary");
        Assert.True(expectFailure ? exit != 0 : exit == 0, $"dotnet build exited with {exit}:\n{text}");
        return text;
    }

    private static void WriteProjects(string root, string feed, string version)
    {
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <RestorePackagesPath>{Path.Combine(root, "packages")}</RestorePackagesPath>
                <InngestEventsVersion>{version}</InngestEventsVersion>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="inngest-events-under-test" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        Directory.CreateDirectory(Path.Combine(root, "Contracts"));
        File.WriteAllText(Path.Combine(root, "Contracts", "Contracts.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Inngest.Events" Version="$(InngestEventsVersion)" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(root, "Contracts", "OrderPlaced.cs"), """
            using Inngest.Events;

            namespace Acme.Contracts;

            [Event("shop/order.placed", Version = "1")]
            public partial record OrderPlaced(string OrderId, int Quantity);
            """);
        Directory.CreateDirectory(Path.Combine(root, "App"));
        File.WriteAllText(Path.Combine(root, "App", "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Inngest.Events" Version="$(InngestEventsVersion)" />
                <ProjectReference Include="../Contracts/Contracts.csproj" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(root, "App", "Events.cs"), """
            using Inngest.Events;

            namespace Acme.Shop;

            [Event("shop/order.shipped")]
            public partial record OrderShipped(string OrderId, DateTimeOffset ShippedAt);
            """);
        File.WriteAllText(Path.Combine(root, "App", "Program.cs"), """
            using Acme.Contracts;
            using Acme.Shop;

            Console.WriteLine(typeof(OrderPlaced).Name + " " + typeof(OrderShipped).Name);
            """);
    }

    /// <summary>The warnings and errors of a build's output, each once (MSBuild repeats them in its summary).</summary>
    private static List<(string Id, string Line)> Diagnostics(string buildOutput)
        => DiagnosticLine().Matches(buildOutput)
            .Select(m => (m.Groups["id"].Value, m.Value.Trim()))
            .DistinctBy(d => d.Item2)
            .ToList();

    [GeneratedRegex(@"^.*: (warning|error) (?<id>[A-Z]+\d+):.*$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}
