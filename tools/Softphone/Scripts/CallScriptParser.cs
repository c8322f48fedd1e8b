using System.Globalization;
using System.Text.RegularExpressions;

namespace PhoneBooking.Softphone.Scripts;

/// <summary>
/// The script file format, one step a line (# starts a comment):
/// <code>
/// expect "Welcome to the vaccine booking line" within 10s
/// press 1
/// say "yes please"
/// silence
/// expect-hangup within 60s
/// hangup
/// </code>
/// </summary>
public static partial class CallScriptParser
{
    public static CallScript Parse(string text)
    {
        var steps = new List<ScriptStep>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            steps.Add(ParseLine(line, i + 1));
        }

        return new CallScript(steps);
    }

    private static ScriptStep ParseLine(string line, int number)
    {
        var match = Step().Match(line);
        if (!match.Success)
        {
            throw Error(number, $"cannot read '{line}'; steps are: expect \"…\" [within 10s], press 123#, say \"…\", silence, hangup, expect-hangup [within 30s]");
        }

        var verb = match.Groups["verb"].Value.ToLowerInvariant();
        var quoted = match.Groups["quoted"].Success ? match.Groups["quoted"].Value : null;
        var bare = match.Groups["bare"].Success ? match.Groups["bare"].Value : null;
        var within = match.Groups["within"].Success ? Duration(match.Groups["within"].Value, number) : CallScript.DefaultWithin;
        return verb switch
        {
            "expect" when quoted is not null => new ExpectStep(quoted, within, number),
            "press" when bare is not null && bare.All(c => char.IsAsciiDigit(c) || c is '*' or '#') => new PressStep(bare, number),
            "say" when quoted is not null => new SayStep(quoted, 0.9, number),
            "silence" when quoted is null && bare is null => new SilenceStep(number),
            "hangup" when quoted is null && bare is null => new HangUpStep(number),
            "expect-hangup" when quoted is null && bare is null => new ExpectHangupStep(within, number),
            _ => throw Error(number, $"'{line}' is not a valid {verb} step"),
        };
    }

    private static TimeSpan Duration(string text, int number)
    {
        var match = DurationPattern().Match(text);
        if (!match.Success)
        {
            throw Error(number, $"'{text}' is not a duration like 500ms, 10s or 2m");
        }

        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(value),
            "m" => TimeSpan.FromMinutes(value),
            _ => TimeSpan.FromSeconds(value),
        };
    }

    private static FormatException Error(int line, string message) => new($"Script line {line}: {message}");

    [GeneratedRegex("""^(?<verb>expect-hangup|expect|press|say|silence|hangup)(?:\s+(?:"(?<quoted>[^"]*)"|(?<bare>[^\s"]+)))?(?:\s+within\s+(?<within>\S+))?$""", RegexOptions.IgnoreCase)]
    private static partial Regex Step();

    [GeneratedRegex(@"^(?<value>\d+(?:\.\d+)?)(?<unit>ms|s|m)$")]
    private static partial Regex DurationPattern();
}
