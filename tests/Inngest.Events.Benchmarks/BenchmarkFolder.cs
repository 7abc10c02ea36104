namespace Inngest.Events.Benchmarks;

/// <summary>A fresh folder under the temp folder for one engine's database, deleted on dispose.</summary>
internal sealed class BenchmarkFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "inngest-bench", Guid.NewGuid().ToString("N"));

    public BenchmarkFolder() => Directory.CreateDirectory(Path);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
