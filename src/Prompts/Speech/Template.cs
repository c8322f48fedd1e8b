using System.Text;
using System.Text.RegularExpressions;

namespace PhoneBooking.Prompts.Speech;

/// <summary>
/// Text with named placeholders: "Your code is {code}." Names are lower case letters, digits and
/// underscores; a brace anywhere else is an error (so a typo never reaches a caller).
/// </summary>
internal sealed partial class Template
{
    private Template(string source, IReadOnlyList<Segment> segments)
    {
        Source = source;
        Segments = segments;
        Placeholders = [.. segments.Where(s => s.IsPlaceholder).Select(s => s.Value).Distinct(StringComparer.Ordinal)];
    }

    public string Source { get; }

    public IReadOnlyList<Segment> Segments { get; }

    /// <summary>Placeholder names in order of first use.</summary>
    public IReadOnlyList<string> Placeholders { get; }

    /// <exception cref="FormatException">A brace that does not open or close a valid placeholder.</exception>
    public static Template Parse(string source)
    {
        var segments = new List<Segment>();
        var position = 0;
        foreach (Match match in PlaceholderPattern().Matches(source))
        {
            AddLiteral(source[position..match.Index]);
            segments.Add(new Segment(match.Groups[1].Value, IsPlaceholder: true));
            position = match.Index + match.Length;
        }

        AddLiteral(source[position..]);
        return new Template(source, segments);

        void AddLiteral(string literal)
        {
            var brace = literal.IndexOfAny(['{', '}']);
            if (brace >= 0)
            {
                var near = literal[brace..Math.Min(literal.Length, brace + 12)];
                throw new FormatException($"stray brace near \"{near}\": a placeholder is a lower-case name in braces, like {{date}}");
            }

            if (literal.Length > 0)
            {
                segments.Add(new Segment(literal, IsPlaceholder: false));
            }
        }
    }

    /// <summary>Fills every placeholder through <paramref name="fill"/>.</summary>
    public string Fill(Func<string, string> fill)
    {
        var builder = new StringBuilder();
        foreach (var segment in Segments)
        {
            builder.Append(segment.IsPlaceholder ? fill(segment.Value) : segment.Value);
        }

        return builder.ToString();
    }

    public override string ToString() => Source;

    [GeneratedRegex(@"\{([a-z][a-z0-9_]*)\}")]
    private static partial Regex PlaceholderPattern();

    public readonly record struct Segment(string Value, bool IsPlaceholder);
}
