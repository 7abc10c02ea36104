namespace NativeAot;

/// <summary>One request the loopback event API received.</summary>
public sealed record RecordedRequest(string Method, string Path, string Body);
