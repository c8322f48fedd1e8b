using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.Prompts.Speech;
using SpokenPart = PhoneBooking.Prompts.Speech.PartOfDay;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>
/// Which session value fills which placeholder of which prompt — the one place that knows
/// "{date}" is the offer's day in <c>offer.present</c> but the opening day in <c>book.not_eligible</c>.
/// Also picks a prompt's variant where the wording depends on the data (an "earliest day" choice).
/// </summary>
public static class PromptArguments
{
    private static readonly IReadOnlyDictionary<string, SpeechValue> None = new Dictionary<string, SpeechValue>();

    /// <summary>The id actually spoken for <paramref name="id"/> in this session.</summary>
    public static string Variant(string id, CallSession s) => id switch
    {
        "book.pref.added" when s.Preferences.Count > 0 && s.Preferences[^1].Date is null => "book.pref.added_earliest",
        _ => id,
    };

    /// <param name="lineNumber">The line's own number (Twilio:PhoneNumber), for the prompts a callback says.</param>
    public static IReadOnlyDictionary<string, SpeechValue> For(string id, CallSession s, DateOnly today, string? lineNumber = null) => id switch
    {
        "callback.intro" or "callback.machine" or "callback.final_sms" => LineNumber(Required.Value(lineNumber)),
        "book.birth_date.confirm" => Args(("birth_date", SpeechValue.BirthDate(Required.Value(s.BirthDate)))),
        "book.not_eligible" or "book.reminder.confirmed" => Args(("date", Day(Required.Value(s.GroupOpensOn), today))),
        "book.pref.added" => Args(("rank", SpeechValue.Rank(s.Preferences.Count)), ("date", Day(Required.Value(s.Preferences[^1].Date), today)), ("part", Part(s.Preferences[^1].PartOfDay))),
        "book.pref.added_earliest" => Args(("rank", SpeechValue.Rank(s.Preferences.Count)), ("part", Part(s.Preferences[^1].PartOfDay))),
        "book.phone.confirm" or "book.callback.confirmed" or "system.down.callback_saved" or "agent.queue.callback_confirmed" =>
            Args(("phone", SpeechValue.Phone(Required.Value(s.CallbackNumber ?? s.CallerId)))),
        "book.submitted" => Args(("position", SpeechValue.Count(s.QueuePosition ?? 1))),
        "offer.present" => Window(Required.Value(s.Offer).SiteId, s.Offer!.SpokenSiteName, s.Offer.WindowStart, s.Offer.WindowEnd, today),
        "offer.held" => Args(("minutes", SpeechValue.Minutes(Required.Value(s.Offer).HoldMinutes))),
        "booking.code" => Args(("code", SpeechValue.Code(Required.Value(s.Booking).ConfirmationCode))),
        "manage.found" => Window(Required.Value(s.Booking).SiteId, s.Booking!.SpokenSiteName, s.Booking.WindowStart, s.Booking.WindowEnd, today),
        "booking.sms.body" => new Dictionary<string, SpeechValue>(Window(Required.Value(s.Booking).SiteId, s.Booking!.SpokenSiteName, s.Booking.WindowStart, s.Booking.WindowEnd, today))
        {
            ["code"] = SpeechValue.Code(s.Booking.ConfirmationCode),
        },
        "group.verified" => Args(("facility", SpeechValue.Place(Required.Value(s.FacilityName)))),
        "group.count.confirm" => Args(("residents", SpeechValue.Count(Required.Value(s.Residents))), ("staff", SpeechValue.Count(s.StaffCount ?? 0))),
        "group.submitted" => Args(("reference", SpeechValue.Code(Required.Value(s.GroupReference)))),
        _ => None,
    };

    /// <summary>{line_number}: how callbacks tell people who is calling and where to call back.</summary>
    public static IReadOnlyDictionary<string, SpeechValue> LineNumber(string lineNumber) => Args(("line_number", SpeechValue.Phone(lineNumber)));

    private static IReadOnlyDictionary<string, SpeechValue> Window(string siteId, string spokenSite, DateTimeOffset start, DateTimeOffset end, DateOnly today) => Args(
        ("date", Day(DateOnly.FromDateTime(start.DateTime), today)),
        ("window", SpeechValue.Window(start, end)),
        ("site", SpeechValue.Site(siteId, spokenSite, spokenSite)));

    private static SpokenDate Day(DateOnly date, DateOnly today) => SpeechValue.Date(date, withYear: date.Year != today.Year);

    private static SpokenDayPart Part(CallFlow.PartOfDay part) => SpeechValue.DayPart(part switch
    {
        CallFlow.PartOfDay.Morning => SpokenPart.Morning,
        CallFlow.PartOfDay.Afternoon => SpokenPart.Afternoon,
        CallFlow.PartOfDay.Evening => SpokenPart.Evening,
        _ => SpokenPart.Any,
    });

    private static Dictionary<string, SpeechValue> Args(params (string Name, SpeechValue Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
}
