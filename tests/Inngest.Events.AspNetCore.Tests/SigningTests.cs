namespace Inngest.Events.AspNetCore.Tests;

/// <summary>The test vectors of docs/protocol.md#test-vectors, and the verification rules of §3.9.</summary>
public sealed class SigningTests
{
    private static readonly byte[] Body = """{"a":1}"""u8.ToArray();
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1700000000);

    [Fact]
    public void Hmac_vector_signs_the_body_then_the_timestamp_with_the_key_text_without_its_prefix()
    {
        const string expected = "t=1700000000&s=67a82077baa52522b1f612a154a25275c00a0338efc32be5ee396bd2391ba5e0";
        Assert.Equal(expected, RequestSignature.CreateHeader(Body, "signkey-test-12345678", SignedAt));

        // The prefix is removed, whatever the environment; the bare key signs the same.
        Assert.Equal(expected, RequestSignature.CreateHeader(Body, "signkey-prod-12345678", SignedAt));
        Assert.Equal(expected, RequestSignature.CreateHeader(Body, "12345678", SignedAt));
    }

    [Fact]
    public void Bearer_vector_hashes_the_hex_decoded_key_and_keeps_the_prefix()
    {
        Assert.Equal("signkey-test-b2ed992186a5cb19f6668aade821f502c1d00970dfd0e35128d51bac4649916c", SigningKeys.HashForBearer("signkey-test-12345678"));
        Assert.Equal("signkey-prod-b2ed992186a5cb19f6668aade821f502c1d00970dfd0e35128d51bac4649916c", SigningKeys.HashForBearer("signkey-prod-12345678"));
    }

    [Fact]
    public void Step_hash_vectors()
    {
        Assert.Equal("e7d8a2f140845095749d60246ff1110c9d01d76a", StepIds.Hash("my-step-id"));
        Assert.Equal("f47c6228c581af870aa285200cf95ec3ac59bb6a", StepIds.Hash("my-step-id:1"));
        Assert.Equal("0737c22d3bfae812339732d14d8c7dbd6dc4e09c", StepIds.Hash("complete"));
    }

    [Theory]
    [InlineData("signkey-test-12345678", "signkey-test-", "12345678")]
    [InlineData("signkey-prod-abc", "signkey-prod-", "abc")]
    [InlineData("signkey-branch_1-ff", "signkey-branch_1-", "ff")]
    [InlineData("12345678", "", "12345678")]
    [InlineData("signkey-12345678", "", "signkey-12345678")]
    public void Prefix_is_the_match_of_signkey_word_dash(string key, string prefix, string rest)
    {
        Assert.Equal(prefix, SigningKeys.GetPrefix(key));
        Assert.Equal(rest, SigningKeys.RemovePrefix(key));
    }

    [Fact]
    public void A_key_that_is_not_hex_cannot_be_hashed_for_bearer()
    {
        var exception = Assert.Throws<FormatException>(() => SigningKeys.HashForBearer("signkey-test-not-hex!"));
        Assert.Contains("hexadecimal", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_key_hash_is_the_sha256_hex_of_the_key()
        => Assert.Equal("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", SigningKeys.HashEventKey("test"));

    [Fact]
    public void A_valid_signature_verifies_and_names_the_key_used()
    {
        var header = RequestSignature.CreateHeader(Body, Keys.Signing, SignedAt);
        var result = RequestSignature.Verify(header, Body, Keys.Signing, Keys.Fallback, SignedAt);
        Assert.Equal((RequestSignature.Outcome.Valid, Keys.Signing), (result.Status, result.KeyUsed));
    }

    [Fact]
    public void The_fallback_key_verifies_when_the_primary_does_not()
    {
        var header = RequestSignature.CreateHeader(Body, Keys.Fallback, SignedAt);
        var result = RequestSignature.Verify(header, Body, Keys.Signing, Keys.Fallback, SignedAt);
        Assert.Equal((RequestSignature.Outcome.Valid, Keys.Fallback), (result.Status, result.KeyUsed));
        Assert.Equal(RequestSignature.Outcome.Invalid, RequestSignature.Verify(header, Body, Keys.Signing, null, SignedAt).Status);
    }

    [Theory]
    [InlineData(-301, RequestSignature.Outcome.Expired)]
    [InlineData(-300, RequestSignature.Outcome.Valid)]
    [InlineData(300, RequestSignature.Outcome.Valid)]
    [InlineData(301, RequestSignature.Outcome.Expired)]
    public void Timestamps_more_than_five_minutes_away_in_either_direction_are_expired(int offsetSeconds, object expected)
    {
        // The outcome arrives as object: RequestSignature is internal, and a public test method cannot name its types.
        var header = RequestSignature.CreateHeader(Body, Keys.Signing, SignedAt.AddSeconds(offsetSeconds));
        Assert.Equal((RequestSignature.Outcome)expected, RequestSignature.Verify(header, Body, Keys.Signing, null, SignedAt).Status);
    }

    [Fact]
    public void Changing_one_byte_of_the_body_breaks_the_signature()
    {
        var header = RequestSignature.CreateHeader(Body, Keys.Signing, SignedAt);
        var reformatted = """{"a": 1}"""u8.ToArray();
        Assert.Equal(RequestSignature.Outcome.Invalid, RequestSignature.Verify(header, reformatted, Keys.Signing, null, SignedAt).Status);
    }

    [Theory]
    [InlineData(null, RequestSignature.Outcome.Missing)]
    [InlineData("", RequestSignature.Outcome.Missing)]
    [InlineData("s=abcd", RequestSignature.Outcome.Malformed)]
    [InlineData("t=1700000000", RequestSignature.Outcome.Malformed)]
    [InlineData("t=soon&s=abcd", RequestSignature.Outcome.Malformed)]
    [InlineData("t=1700000000&s=zz", RequestSignature.Outcome.Invalid)]
    [InlineData("t=1700000000&s=67a82077baa52522b1f612a154a25275c00a0338efc32be5ee396bd2391ba5e1", RequestSignature.Outcome.Invalid)]
    [InlineData("s=67a82077baa52522b1f612a154a25275c00a0338efc32be5ee396bd2391ba5e0&t=1700000000", RequestSignature.Outcome.Valid)]
    public void Headers_are_parsed_as_query_strings(string? header, object expected)
        => Assert.Equal((RequestSignature.Outcome)expected, RequestSignature.Verify(header, Body, Keys.Signing, null, SignedAt).Status);

    [Fact]
    public void Without_a_key_nothing_verifies()
    {
        var header = RequestSignature.CreateHeader(Body, Keys.Signing, SignedAt);
        Assert.Equal(RequestSignature.Outcome.NoSigningKey, RequestSignature.Verify(header, Body, null, null, SignedAt).Status);
    }
}
