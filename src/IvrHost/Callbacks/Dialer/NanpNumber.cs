using System.Diagnostics.CodeAnalysis;

namespace PhoneBooking.IvrHost.Callbacks.Dialer;

/// <summary>A North American (+1) number in E.164, split into area code (NPA), exchange (NXX) and line.</summary>
public readonly record struct NanpNumber(string AreaCode, string Exchange, string Line)
{
    public static bool TryParse(string? e164, [NotNullWhen(true)] out NanpNumber? number)
    {
        number = null;
        if (e164 is not { Length: 12 } || !e164.StartsWith("+1", StringComparison.Ordinal) || !e164.AsSpan(2).ContainsOnlyDigits())
        {
            return false;
        }

        number = new NanpNumber(e164[2..5], e164[5..8], e164[8..]);
        return true;
    }
}

internal static class SpanDigits
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
