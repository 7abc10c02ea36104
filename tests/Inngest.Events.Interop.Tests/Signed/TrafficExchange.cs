namespace Inngest.Events.Interop.Tests.Signed;

/// <summary>
/// One request of the engine to an app and the app's answer, as they were on the wire before any tampering: the answer's
/// signature and body are those of a plain answer, or of the final value of a streamed (201) one.
/// </summary>
internal sealed record TrafficExchange(
    string Method,
    Uri Url,
    string? RunId,
    string? ServerKind,
    string? CallSignature,
    byte[] CallBody,
    int Status,
    int AnswerStatus,
    string? AnswerSignature,
    byte[] AnswerBody,
    Tamper Tamper)
{
    /// <summary>The <c>fnId</c> of a call, or null for a sync.</summary>
    public string? FunctionId => System.Web.HttpUtility.ParseQueryString(Url.Query)["fnId"];

    public override string ToString()
        => $"{Method} {Url.PathAndQuery} run={RunId ?? "-"} -> {Status}" + (Status == 201 ? $" (streamed {AnswerStatus})" : string.Empty) + (Tamper == Tamper.None ? string.Empty : $" tampered: {Tamper}");
}
