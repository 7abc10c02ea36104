namespace Inngest.Events.Durability.Tests.Infrastructure;

/// <summary>A folder of its own under the temp folder, deleted on dispose unless <see cref="Keep"/> (to look at after a failure).</summary>
internal sealed class TestFolder : IDisposable
{
    public TestFolder(string name)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "inngest-durability-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public bool Keep { get; set; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (!Keep)
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open must not hide the test's own outcome.
            }
        }
    }
}
