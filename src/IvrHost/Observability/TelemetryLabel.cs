using System.Text.RegularExpressions;

namespace PhoneBooking.IvrHost.Observability;

/// <summary>
/// Last line of defence for labels in logs and metric tags (routes, states, triggers, outcomes):
/// they should be names, but a label built from input could carry a number, a PIN or a birth
/// date. Any run of four or more digits (spaces, dashes, dots, brackets allowed between) is blanked.
/// </summary>
public static partial class TelemetryLabel
{
    public const string Redacted = "[digits]";

    private const int MaxLength = 120;

    public static string Safe(string? label)
    {
        if (string.IsNullOrEmpty(label))
        {
            return "none";
        }

        var safe = DigitRun().Replace(label, Redacted);
        return safe.Length <= MaxLength ? safe : safe[..MaxLength];
    }

    [GeneratedRegex(@"\+?\d(?:[\s().\-/]*\d){3,}")]
    private static partial Regex DigitRun();
}
