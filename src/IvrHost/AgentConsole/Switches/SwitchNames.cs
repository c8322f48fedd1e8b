using PhoneBooking.IvrHost.CallFlow;

namespace PhoneBooking.IvrHost.AgentConsole.Switches;

/// <summary>How the console names each switch, and what turning it off does for callers.</summary>
public static class SwitchNames
{
    public static string Of(LineFeature feature) => feature switch
    {
        LineFeature.Callbacks => "Callbacks",
        LineFeature.Texts => "Text messages",
        LineFeature.GroupVisits => "Group visits",
        LineFeature.NewBookings => "New bookings",
        _ => feature.ToString(),
    };

    public static string WhenOff(LineFeature feature) => feature switch
    {
        LineFeature.Callbacks => "No call back is offered and none is placed; callers wait on the line or reach a person. Saved callbacks wait.",
        LineFeature.Texts => "No text is sent; callers hear their confirmation code again instead.",
        LineFeature.GroupVisits => "Menu 3 says group visits by phone are paused.",
        LineFeature.NewBookings => "Menu 1 says new bookings are paused; checking and cancelling still work.",
        _ => "",
    };
}
