namespace PhoneBooking.Softphone.Platform;

public enum NotificationLevel
{
    Warning,
    Error,
}

/// <summary>
/// What Twilio's debugger would log for a call (its "Notifications"): the error code, Twilio's title for it,
/// what exactly was wrong, and the URL involved.
/// </summary>
public sealed record TwilioNotification(int Code, NotificationLevel Level, string Title, string Detail, Uri? Url = null)
{
    public string MoreInfo => $"https://www.twilio.com/docs/errors/{Code}";

    public override string ToString() => $"{Level} {Code} {Title}: {Detail}" + (Url is null ? "" : $" ({Url})");
}
