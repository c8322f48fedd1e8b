using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.IvrHost.Voice;
using PhoneBooking.SchedulingClient;

namespace PhoneBooking.IvrHost.AgentConsole.Pages;

/// <summary>How the console words things for agents: reasons, steps, languages, waits, and times on the line's clock.</summary>
public sealed partial class ConsoleDisplay(IOptions<LineOptions> line)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-CA");

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(line.Value.TimeZone);

    public static string Reason(HandoffReason reason) => reason switch
    {
        HandoffReason.CallerAsked => "Asked for a person",
        HandoffReason.RepeatedInputFailures => "Had trouble answering the prompts",
        HandoffReason.BackendFailed => "Booking system failed during the call",
        HandoffReason.BackendDown => "Booking system was down",
        HandoffReason.NoSuitableOffer => "No suitable time could be offered",
        HandoffReason.CallbackToAgent => "Called back to speak to a person",
        HandoffReason.FacilityLocked => "Retirement home PIN locked",
        HandoffReason.FacilityRejected => "Retirement home code or PIN not accepted",
        _ => Words(reason.ToString()),
    };

    public static string CallbackKind(Callbacks.CallbackKind kind) => kind switch
    {
        Callbacks.CallbackKind.Offer => "Offer ready: call back to deliver it",
        Callbacks.CallbackKind.Reminder => "Group opens: call to remind them",
        Callbacks.CallbackKind.LineBusy => "Line was full: call back to start again",
        _ => "Kept their place for a person",
    };

    public static string CallbackStatus(Callbacks.CallbackStatus status) => status switch
    {
        Callbacks.CallbackStatus.WaitingForOffer => "Waiting for an offer",
        Callbacks.CallbackStatus.Scheduled => "Scheduled",
        Callbacks.CallbackStatus.Dialling or Callbacks.CallbackStatus.Calling => "Being called now",
        Callbacks.CallbackStatus.Notifying => "No answer: sending a text",
        _ => Words(status.ToString()),
    };

    /// <summary>"ConfirmBirthDate" → "Confirm birth date".</summary>
    public static string Step(CallState state) => Words(state.ToString());

    public static string Language(string locale)
    {
        try
        {
            return CultureInfo.GetCultureInfo(locale).EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return locale;
        }
    }

    public static string Wait(TimeSpan waited) => waited.TotalMinutes switch
    {
        < 1 => "under a minute",
        < 60 => $"{(int)waited.TotalMinutes} min",
        _ => $"{(int)waited.TotalHours} h {waited.Minutes:00} min",
    };

    public static string Part(PartOfDay part) => part == PartOfDay.Any ? "any time of day" : part.ToString().ToLowerInvariant();

    public static string Health(BackendHealthState state) => state switch
    {
        BackendHealthState.Healthy => "Working normally",
        BackendHealthState.Degraded => "Struggling (some requests fail)",
        _ => "Down",
    };

    public string Time(DateTimeOffset at) => Local(at).ToString("HH:mm", English);

    public string Day(DateOnly day) => day.ToString("ddd d MMM yyyy", English);

    public string DayAndTime(DateTimeOffset at) => Local(at).ToString("ddd d MMM, HH:mm", English);

    public string Moment(DateTimeOffset at) => Local(at).ToString("ddd d MMM, HH:mm:ss", English);

    public string Window(DateTimeOffset start, DateTimeOffset end) => $"{DayAndTime(start)}–{Local(end).ToString("HH:mm", English)}";

    public string Preference(Preference preference) =>
        $"{(preference.Date is { } date ? Day(date) : "Any day")}, {Part(preference.PartOfDay)}";

    private DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone);

    private static string Words(string name)
    {
        var spaced = CapitalWord().Replace(name, " $0").Trim().ToLowerInvariant();
        return spaced.Length == 0 ? spaced : char.ToUpperInvariant(spaced[0]) + spaced[1..];
    }

    [GeneratedRegex("(?<!^)[A-Z]")]
    private static partial Regex CapitalWord();
}
