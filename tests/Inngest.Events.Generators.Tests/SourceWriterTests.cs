using System.Globalization;
using Inngest.Events.Generators.Shared;

namespace Inngest.Events.Generators.Tests;

/// <summary>
/// An interpolated line written straight into the writer's buffer (<see cref="SourceWriter.LineHandler"/>) gives the
/// text that formatting it first (invariant culture) and writing that string with <see cref="SourceWriter.Line(string)"/>
/// gives: each case writes the same content both ways, on two fresh writers at several indentations, and compares.
/// </summary>
public sealed class SourceWriterTests
{
    private static readonly int[] Indents = [0, 1, 3];

    /// <summary>
    /// Writes a line around the case, then the case through the string overloads on one writer and through the
    /// interpolated ones on another, at each indentation, and asserts the same text.
    /// </summary>
    private static void AssertSameText(Action<SourceWriter> viaString, Action<SourceWriter> viaHandler)
    {
        foreach (var indent in Indents)
        {
            var expected = Write(indent, viaString);
            var actual = Write(indent, viaHandler);
            Assert.True(
                expected == actual,
                $"At indentation {indent} the interpolated line differs.\nExpected: {Show(expected)}\nActual:   {Show(actual)}");
        }
    }

    private static string Write(int indent, Action<SourceWriter> write)
    {
        var writer = new SourceWriter { Indent = indent };
        writer.Line("before");
        write(writer);
        writer.Line("after");
        return writer.ToString();
    }

    private static string Show(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>
    /// What the compiler makes of <c>Line($"{""}")</c> bound to <see cref="SourceWriter.Line(ref SourceWriter.LineHandler)"/>:
    /// a constant interpolated string binds to <see cref="SourceWriter.Line(string)"/>, so the handler is called by hand.
    /// (A helper taking the handler with <c>[InterpolatedStringHandlerArgument]</c> cannot be written here: the
    /// generator's polyfill of that attribute, visible to this assembly, makes its name ambiguous.)
    /// </summary>
    private static SourceWriter EmptyHole(SourceWriter writer)
    {
        var line = new SourceWriter.LineHandler(0, 1, writer);
        line.AppendFormatted("");
        return writer.Line(ref line);
    }

    /// <summary>As <see cref="EmptyHole"/>, for the constant <c>Line($"\r")</c>: one literal part.</summary>
    private static SourceWriter LiteralOnly(SourceWriter writer, string literal)
    {
        var line = new SourceWriter.LineHandler(literal.Length, 0, writer);
        line.AppendLiteral(literal);
        return writer.Line(ref line);
    }

    [Fact]
    public void A_direct_interpolated_Line_goes_through_the_handler()
    {
        // The handler writes the indentation when it is created, before its holes are formatted; the string overload
        // writes nothing until the string is made. So a hole that reads the writer tells which overload was called,
        // and the cases below (which call Line($"...") with non-constant holes) are not comparing Line(string) with itself.
        var writer = new SourceWriter { Indent = 2 };
        var seen = "unset";
        writer.Line($"{Peek(writer, out seen)}");
        Assert.Equal("        ", seen);

        var opened = new SourceWriter { Indent = 1 };
        opened.Open($"class {Peek(opened, out seen)}");
        Assert.Equal("    class ", seen);

        static string Peek(SourceWriter writer, out string text)
        {
            text = writer.ToString();
            return "";
        }
    }

    [Fact]
    public void Text_with_int_and_string_holes()
    {
        var name = "Count";
        var value = 42;
        var negative = -7;
        AssertSameText(
            w => w.Line(string.Create(CultureInfo.InvariantCulture, $"public int {name} {{ get; }} = {value} + {negative};")),
            w => w.Line($"public int {name} {{ get; }} = {value} + {negative};"));
    }

    [Fact]
    public void Holes_of_other_types_format_as_an_invariant_string_does()
    {
        var c = 'x';
        var yes = true;
        var big = 1234567890123L;
        var real = 3.5;
        var kind = DayOfWeek.Friday;
        var id = new Guid("00112233-4455-6677-8899-aabbccddeeff");
        var lines = new WithNewline();
        AssertSameText(
            w => w.Line(string.Create(CultureInfo.InvariantCulture, $"{c} {yes} {big} {real} {kind} {id} {lines} end")),
            w => w.Line($"{c} {yes} {big} {real} {kind} {id} {lines} end"));
    }

    [Fact]
    public void A_value_with_newlines_starts_new_indented_lines()
    {
        var body = "first();\nsecond();\r\nthird();";
        var crlf = "\r\n";
        AssertSameText(
            w => w.Line(string.Create(CultureInfo.InvariantCulture, $"{{ {body} }}{crlf}tail")),
            w => w.Line($"{{ {body} }}{crlf}tail"));
    }

    [Fact]
    public void A_literal_with_newlines_starts_new_indented_lines()
    {
        var name = "Value";
        var count = 2;
        AssertSameText(
            w => w.Line(string.Create(CultureInfo.InvariantCulture, $"get => {name};\nset => {name} = value;\r\n// {count}\n")),
            w => w.Line($"get => {name};\nset => {name} = value;\r\n// {count}\n"));
    }

    [Fact]
    public void An_empty_value_adds_nothing_to_its_line()
    {
        var empty = "";
        AssertSameText(
            w => w.Line(string.Create(CultureInfo.InvariantCulture, $"a{empty}b")).Line(string.Create(CultureInfo.InvariantCulture, $"{empty}c{empty}")),
            w => w.Line($"a{empty}b").Line($"{empty}c{empty}"));
    }

    [Fact]
    public void An_empty_interpolation_is_an_empty_line()
    {
        var empty = "";
        AssertSameText(
            w => w.Line(string.Create(CultureInfo.InvariantCulture, $"{""}")).Line(string.Create(CultureInfo.InvariantCulture, $"{empty}")),
            w =>
            {
                EmptyHole(w);
                w.Line($"{empty}");
            });

        // No indentation is left behind on the empty line.
        var writer = new SourceWriter { Indent = 2 };
        EmptyHole(writer);
        Assert.Equal("\n", writer.ToString());
    }

    [Fact]
    public void A_line_of_only_carriage_returns_is_an_empty_line()
    {
        var cr = "\r";
        var empty = "";
        AssertSameText(
            w => w.Line("\r").Line(string.Create(CultureInfo.InvariantCulture, $"{cr}")).Line("\r\r\n\r"),
            w =>
            {
                LiteralOnly(w, "\r");
                w.Line($"{cr}");
                w.Line($"\r{empty}\r\n{cr}");
            });
    }

    [Fact]
    public void Trailing_carriage_returns_are_dropped_and_inner_ones_kept()
    {
        var x = "x\r";
        var y = "y\r\r";
        var empty = "";
        AssertSameText(
            w => w.Line(string.Create(CultureInfo.InvariantCulture, $"a = {x};\r\r"))
                .Line(string.Create(CultureInfo.InvariantCulture, $"b = {y}"))
                .Line(string.Create(CultureInfo.InvariantCulture, $"{x}c{y}\r\nd\r{empty}\r")),
            w => w.Line($"a = {x};\r\r")
                .Line($"b = {y}")
                .Line($"{x}c{y}\r\nd\r{empty}\r"));
    }

    [Fact]
    public void Lines_that_become_blank_in_the_middle_stay_empty()
    {
        var blanks = "\n\r\n\r\r\n";
        var spaces = "  ";
        var empty = "";
        AssertSameText(
            w => w.Line(string.Create(CultureInfo.InvariantCulture, $"first{blanks}second\n\n{empty}\r\n{spaces}\nthird")),
            w => w.Line($"first{blanks}second\n\n{empty}\r\n{spaces}\nthird"));
    }

    [Fact]
    public void An_interpolated_Open_then_Close_indents_what_is_between()
    {
        var keyword = "record";
        var name = "OrderPlaced";
        var where = "\nwhere T : class";
        var field = 3;
        AssertSameText(
            w => w.Open(string.Create(CultureInfo.InvariantCulture, $"partial {keyword} {name}<T>{where}\r"))
                .Line(string.Create(CultureInfo.InvariantCulture, $"private int _field = {field};"))
                .Open(string.Create(CultureInfo.InvariantCulture, $"void M{field}()"))
                .Line()
                .Close()
                .Close(";"),
            w => w.Open($"partial {keyword} {name}<T>{where}\r")
                .Line($"private int _field = {field};")
                .Open($"void M{field}()")
                .Line()
                .Close()
                .Close(";"));
    }

    [Fact]
    public void A_null_hole_writes_nothing()
    {
        string? none = null;
        object? nothing = null;
        var silent = new NullText();
        AssertSameText(
            w => w.Line(string.Create(CultureInfo.InvariantCulture, $"a{none}b{nothing}c{silent}d")).Line(string.Create(CultureInfo.InvariantCulture, $"{none}")),
            w => w.Line($"a{none}b{nothing}c{silent}d").Line($"{none}"));
    }

    [Fact]
    public void Holes_are_formatted_with_the_invariant_culture_whatever_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // German, with the minus sign some cultures use (U+2212) so that an int hole without a format shows it too.
            var german = (CultureInfo)CultureInfo.GetCultureInfo("de-DE").Clone();
            german.NumberFormat.NegativeSign = "\u2212";
            CultureInfo.CurrentCulture = german;
            var amount = 3.5;
            var big = 1234567;
            var negative = -7;

            // Without these the test would prove nothing: the current culture must format differently.
            Assert.Equal("3,50", amount.ToString("F2", CultureInfo.CurrentCulture));
            Assert.Equal("\u22127", negative.ToString(CultureInfo.CurrentCulture));

            AssertSameText(
                w => w.Line(string.Create(CultureInfo.InvariantCulture, $"var amount = {amount:F2}m; var total = {big:N0}; var plain = {amount}; var minus = {negative};")),
                w => w.Line($"var amount = {amount:F2}m; var total = {big:N0}; var plain = {amount}; var minus = {negative};"));

            var writer = new SourceWriter();
            writer.Line($"{3.5:F2} {amount:F2} {big:N0} {amount} {negative}");
            Assert.Equal("3.50 3.50 1,234,567 3.5 -7\n", writer.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void ToStringAndFree_after_interpolated_lines_gives_the_text_of_ToString()
    {
        var name = "Shop";
        var count = 2;
        var writer = new SourceWriter();
        writer.Line($"namespace {name};");
        writer.Line();
        writer.Open($"partial class {name}Events");
        writer.Line($"public const int Count = {count};\n// {name}");
        writer.Close();

        var text = writer.ToString();
        Assert.Equal("namespace Shop;\n\npartial class ShopEvents\n{\n    public const int Count = 2;\n    // Shop\n}\n", text);
        Assert.Equal(text, writer.ToStringAndFree());

        // The writer cannot go on, and the next writer on this thread (which may get the pooled buffer) starts empty.
        Assert.Throws<InvalidOperationException>(() => writer.Line($"{name}"));
        var next = new SourceWriter();
        next.Line($"{count}");
        Assert.Equal("2\n", next.ToStringAndFree());
    }

    /// <summary>Not <see cref="IFormattable"/>: formatted with <see cref="object.ToString"/>, which gives two lines.</summary>
    private sealed class WithNewline
    {
        public override string ToString() => "one\r\ntwo";
    }

    /// <summary>A value whose <see cref="object.ToString"/> is <see langword="null"/>.</summary>
    private sealed class NullText
    {
        public override string? ToString() => null;
    }
}
