namespace Inngest.Events.AspNetCore.Tests;

/// <summary>Signing keys and a fixed clock for the tests.</summary>
internal static class Keys
{
    public const string Signing = "signkey-test-12345678";
    public const string Fallback = "signkey-test-abcdef0123";
    public const string Other = "signkey-test-99999999";
    public const string EventKey = "test-event-key";

    public static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static string Sign(byte[] body, string key, DateTimeOffset? at = null) => RequestSignature.CreateHeader(body, key, at ?? Now);
}
