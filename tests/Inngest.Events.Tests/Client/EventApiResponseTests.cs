using System.Text;
using Xunit;

namespace Inngest.Events.Tests.Client;

public sealed class EventApiResponseTests
{
    [Fact]
    public void Reads_the_ids_of_a_200()
    {
        EventApiResponse response = Parse("""{"ids":["01J1","01J2"],"status":200}""");

        Assert.Equal(["01J1", "01J2"], response.Ids);
        Assert.Equal(["01J1", "01J2"], response.AcceptedPrefix(2));
        Assert.Null(response.ServerError);
    }

    [Fact]
    public void Reads_the_ingested_prefix_and_error_of_a_400()
    {
        EventApiResponse response = Parse("""{"ids":["01J1","",""],"status":400,"error":"event name is empty"}""");

        Assert.Equal(["01J1"], response.AcceptedPrefix(3));
        Assert.Equal("event name is empty", response.ServerError);
    }

    [Fact]
    public void Reads_the_small_shape_of_a_401()
    {
        EventApiResponse response = Parse("""{"status":401,"message":"","error":"Event key not found"}""");

        Assert.Null(response.Ids);
        Assert.Empty(response.AcceptedPrefix(1));
        Assert.Equal("Event key not found", response.ServerError);
    }

    [Fact]
    public void Falls_back_to_message_then_to_a_non_json_body()
    {
        Assert.Equal("from message", Parse("""{"message":"from message","error":""}""").ServerError);
        Assert.Equal("Bad Gateway", Parse("Bad Gateway").ServerError);
        Assert.Null(Parse("").ServerError);
    }

    [Fact]
    public void Tolerates_unexpected_shapes()
    {
        Assert.Equal("""{"code":7}""", Parse("""{"error":{"code":7},"extra":[1,2,{"a":null}]}""").ServerError);
        Assert.Equal(["a", "", ""], Parse("""{"ids":["a",null,5]}""").Ids);
        Assert.Null(Parse("""{"ids":"oops"}""").Ids);
        Assert.Equal("[1,2]", Parse("[1,2]").ServerError);
        Assert.Equal("{\"ids\":[", Parse("{\"ids\":[").ServerError);
    }

    [Fact]
    public void Never_takes_more_ids_than_events()
    {
        Assert.Equal(["a"], Parse("""{"ids":["a","b"]}""").AcceptedPrefix(1));
    }

    private static EventApiResponse Parse(string body) => EventApiResponse.Parse(Encoding.UTF8.GetBytes(body));
}
