using System.Security.Cryptography;

namespace Inngest.Events.DevServer.Ui;

/// <summary>The UI's two hand-written assets, embedded in the assembly: no build step, no npm, nothing fetched from elsewhere.</summary>
internal static class UiAssets
{
    public static readonly byte[] Css = Load("app.css");

    public static readonly byte[] Script = Load("app.js");

    /// <summary>Changes when either asset changes, so pages ask for the new one (<c>?v=…</c>).</summary>
    public static readonly string Version = Convert.ToHexString(SHA256.HashData([.. Css, .. Script]), 0, 6).ToLowerInvariant();

    private static byte[] Load(string name)
    {
        using var stream = typeof(UiAssets).Assembly.GetManifestResourceStream("Inngest.Events.DevServer.Ui." + name)
            ?? throw new InvalidOperationException($"The dev server UI's asset '{name}' is not embedded in {typeof(UiAssets).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
