namespace PhoneBooking.IvrHost.Voice;

/// <summary>The incident message a supervisor has set, announced at every call's welcome.</summary>
public interface IIncidentBoard
{
    /// <summary>The message, or null when none is set. Cheap to read: it is read on every new call.</summary>
    string? Current { get; }
}
