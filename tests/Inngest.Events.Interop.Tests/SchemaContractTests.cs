using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Inngest.Events.Interop.Tests.Infrastructure;
using Inngest.Events.Tests.Serialization;

namespace Inngest.Events.Interop.Tests;

/// <summary>
/// The event schema lock as a cross-language contract: for every event shape of the differential tests, seeded random
/// instances are written by the generated serializer and validated with Ajv (draft 2020-12, ajv-formats, strict mode) in
/// Node.js against the shape's schema in tests/Inngest.Events.Tests/inngest-events.lock.json, once as locked and once
/// closed (no members beyond the schema's), so the schema accepts all the serializer writes and names every member of it.
/// </summary>
public sealed partial class SchemaContractTests
{
    private const int InstancesPerShape = 40;

    private static readonly string LockPath = Path.Combine(RepositoryPaths.Root, "tests", "Inngest.Events.Tests", "inngest-events.lock.json");

    [Fact]
    public async Task Every_differential_shape_writes_json_that_its_locked_schema_accepts_in_ajv()
    {
        var shapes = Shapes();
        var names = DifferentialShapeNames();
        Assert.True(names.Count >= 41, $"DifferentialTests lists only {names.Count} shapes");
        Assert.All(names, name => Assert.Contains(shapes, t => t.Name == name));

        var samples = new JsonArray();
        var seed = 20261205;
        foreach (var type in shapes.Where(t => names.Contains(t.Name)))
        {
            var attribute = type.GetCustomAttribute<EventAttribute>()!;
            var values = new JsonArray();
            for (var i = 0; i < InstancesPerShape; i++)
            {
                var value = new RandomValues(seed++).Create(type);
                values.Add(JsonNode.Parse(Serialize(type, value)));
            }

            samples.Add(new JsonObject { ["name"] = attribute.Name, ["version"] = attribute.Version ?? string.Empty, ["data"] = values });
        }

        var samplesPath = Path.Combine(Path.GetTempPath(), $"inngest-schema-samples-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(samplesPath, samples.ToJsonString());
        try
        {
            var result = await ValidateAsync(samplesPath);
            Assert.Equal(names.Count, result["events"]!.GetValue<int>());
            Assert.Equal(names.Count * InstancesPerShape, result["values"]!.GetValue<int>());
            var failures = result["failures"]!.AsArray();
            Assert.True(failures.Count == 0, $"{failures.Count} values do not match their locked schema, e.g.:\n" + string.Join("\n", failures.Select(f => f!["name"] + " " + f!["errors"]).Distinct().Take(40)));
        }
        finally
        {
            File.Delete(samplesPath);
        }
    }

    [Fact]
    public async Task Ajv_rejects_json_that_breaks_the_locked_schema()
    {
        // The contract has teeth: a wrong type, a missing required member, an unknown enum name and an extra member fail.
        var samples = new JsonArray
        {
            Sample("billing/invoice.paid", "2024-01-15.1", """{"invoiceId":1,"amount":1,"currency":"EUR","lines":[]}"""),
            Sample("test/json-required.sent", "", """{"key":"k","owner":null}"""),
            Sample("test/converters.sent", "", """{"color":"Purple"}"""),
            Sample("test/primitives.sent", "", """{"byte":256}"""),
            Sample("test/primitives.sent", "", """{"guid":"not-a-guid"}"""),
        };
        var samplesPath = Path.Combine(Path.GetTempPath(), $"inngest-schema-samples-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(samplesPath, samples.ToJsonString());
        try
        {
            var result = await ValidateAsync(samplesPath);
            var failed = result["failures"]!.AsArray().Where(f => !f!["closed"]!.GetValue<bool>()).Select(f => f!["name"]!.GetValue<string>()).ToList();
            Assert.Equal(["billing/invoice.paid", "test/json-required.sent", "test/converters.sent", "test/primitives.sent", "test/primitives.sent"], failed);
        }
        finally
        {
            File.Delete(samplesPath);
        }
    }

    private static JsonObject Sample(string name, string version, string json)
        => new() { ["name"] = name, ["version"] = version, ["data"] = new JsonArray(JsonNode.Parse(json)) };

    /// <summary>The [Event] types of the linked shape files.</summary>
    private static List<Type> Shapes()
        => typeof(SchemaContractTests).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<EventAttribute>() is not null
                && (t.Namespace == "Inngest.Events.Tests.Serialization" || t.Namespace is null))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();

    /// <summary>The shapes DifferentialTests checks, read from its source, so a new shape there is validated here too.</summary>
    private static HashSet<string> DifferentialShapeNames()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Inngest.Events.Tests", "Serialization", "DifferentialTests.cs"));
        var checks = source[source.IndexOf("Checks = new()", StringComparison.Ordinal)..source.IndexOf("};", StringComparison.Ordinal)];
        return ShapeEntry().Matches(checks).Select(m => m.Groups["name"].Value.Split('.').Last()).ToHashSet(StringComparer.Ordinal);
    }

    private static string Serialize(Type type, object value)
    {
        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo)GetJsonTypeInfo(type);
        return JsonSerializer.Serialize(value, info);
    }

    private static object GetJsonTypeInfo(Type type)
        => typeof(SchemaContractTests).GetMethod(nameof(TypeInfoOf), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, null)!;

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo TypeInfoOf<T>()
        where T : IEventData<T>
        => T.JsonTypeInfo;

    private static async Task<JsonNode> ValidateAsync(string samplesPath)
    {
        var node = await NodeTooling.EnsureInstalledAsync();
        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = RepositoryPaths.InteropJs,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("validate-schemas.mjs");
        start.ArgumentList.Add(LockPath);
        start.ArgumentList.Add(samplesPath);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"validate-schemas.mjs failed ({process.ExitCode}):\n{await stderr}\n{output}");
        return JsonNode.Parse(output)!;
    }

    [GeneratedRegex(@"\[nameof\((?<name>[\w.]+)\)\]")]
    private static partial Regex ShapeEntry();
}
