using System.Text.Json;
using System.Text.Json.Nodes;
using Inngest.Events.Engine.History;

namespace Onboarding.Tests;

/// <summary>
/// Records the sample's runs as histories (<c>*.run.json</c>): finished ones, and ones caught mid-way (waiting, retrying),
/// which are what a deploy must not break. The committed ones in <c>histories/</c> were made by
/// <c>RECORD_HISTORIES=1 dotnet test samples/Onboarding.Tests --filter Recording</c>.
/// </summary>
internal static class HistoryRecorder
{
    public static async Task<IReadOnlyDictionary<string, RunHistory>> RecordAsync()
    {
        var histories = new Dictionary<string, RunHistory>(StringComparer.Ordinal);

        await using (var host = Onboard.Host())
        {
            await host.SendAsync(Onboard.Ada);
            await host.RunUntilIdleAsync();
            foreach (var run in host.Runs)
            {
                histories[$"{run.FunctionId}.{run.Status.ToString().ToLowerInvariant()}.run.json"] = run.ToHistory();
            }
        }

        await using (var host = Onboard.Host(o => o.Functions = ["orchestrate-onboarding"]))
        {
            await host.SendAsync(Onboard.Ada);
            histories["orchestrate-onboarding.waiting.run.json"] = host.SingleRun("orchestrate-onboarding").ToHistory();
        }

        await using (var host = Onboard.Host(o => o.Functions = ["create-trial"]))
        {
            await host.SendAsync(Onboard.Signup(Onboard.Ada));
            histories["create-trial.retrying.run.json"] = host.SingleRun("create-trial").ToHistory();
        }

        await using (var host = Onboard.Host(o => o.Functions = ["send-digest"]))
        {
            await host.SendAsync(new DigestRequested("u-42"), new EventOptions { Ts = Onboard.Start.AddHours(2) });
            await host.WaitForRunAsync("send-digest", TimeSpan.FromHours(3));
            histories["send-digest.completed.run.json"] = host.SingleRun("send-digest").ToHistory();
        }

        return histories;
    }

    /// <summary>The history without the stack traces of its errors, which name the folders of the machine that recorded it.</summary>
    public static string WithoutStackTraces(string json)
    {
        var root = JsonNode.Parse(json)!;
        Strip(root);
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine;

        static void Strip(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    obj.Remove("stack");
                    foreach (var (_, value) in obj.ToArray())
                    {
                        Strip(value);
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Strip(item);
                    }

                    break;
            }
        }
    }

    /// <summary>The committed histories' folder in the source tree.</summary>
    public static string SourceFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "samples", "Onboarding.Tests", "histories");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"samples/Onboarding.Tests/histories was not found above {AppContext.BaseDirectory}.");
    }
}
