using Microsoft.Extensions.Options;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>The incident message from configuration (<c>Line:IncidentMessage</c>), reloaded when it changes.</summary>
public sealed class ConfiguredIncidentBoard(IOptionsMonitor<LineOptions> options) : IIncidentBoard
{
    public string? Current => options.CurrentValue.IncidentMessage is { Length: > 0 } message ? message : null;
}
