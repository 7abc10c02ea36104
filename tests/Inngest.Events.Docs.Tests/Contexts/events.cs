// Context "events": a file of event declarations in a user's project. The blocks declare their own events; this gives
// them the usings a project with ImplicitUsings has, plus Inngest.Events and System.Text.Json(.Serialization), which
// the diagnostic pages leave out, and the plain (non-event) types a few pages refer to.
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Threading;
global using System.Threading.Tasks;
global using System.Text.Json;
global using System.Text.Json.Serialization;
global using Inngest.Events;
global using DocsContext;

namespace DocsContext
{
    public sealed record Contact(string Id, string Email);

    public sealed record Deal(string Id, decimal Amount);

    public interface IPolygon
    {
        IReadOnlyList<(double Lat, double Lng)> Points { get; }
    }

    public sealed record Polygon(IReadOnlyList<(double Lat, double Lng)> Points) : IPolygon;

    /// <summary>Writes a polygon as [[lat, lng], ...].</summary>
    public sealed class PolygonConverter : JsonConverter<IPolygon>
    {
        public override IPolygon Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var points = new List<(double, double)>();
            using var document = JsonDocument.ParseValue(ref reader);
            foreach (var point in document.RootElement.EnumerateArray())
            {
                points.Add((point[0].GetDouble(), point[1].GetDouble()));
            }

            return new Polygon(points);
        }

        public override void Write(Utf8JsonWriter writer, IPolygon value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var (lat, lng) in value.Points)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(lat);
                writer.WriteNumberValue(lng);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }
    }
}
