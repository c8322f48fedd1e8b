using System.Runtime.CompilerServices;

namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>
/// A session value the flow guarantees by the time a step needs it (a birth date before eligibility,
/// an offer before accepting it). Missing means a flow bug: the exception names the value, and the
/// webhook's safety net sends the caller to a person.
/// </summary>
public static class Required
{
    public static T Value<T>(T? value, [CallerArgumentExpression(nameof(value))] string? what = null)
        where T : class => value ?? throw Missing(what);

    public static T Value<T>(T? value, [CallerArgumentExpression(nameof(value))] string? what = null)
        where T : struct => value ?? throw Missing(what);

    private static InvalidOperationException Missing(string? what) =>
        new($"The call flow reached a step that needs {what}, and the session does not have it.");
}
