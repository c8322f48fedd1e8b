namespace PhoneBooking.Twilio.Rest;

/// <summary>POST /Calls/{Sid}.json (SDK: <c>UpdateCallOptions</c>): redirect a live call, or end it.</summary>
public sealed class UpdateCallOptions(string pathSid)
{
    public string PathSid { get; } = pathSid;

    public Uri? Url { get; set; }

    public HttpMethod? Method { get; set; }

    public string? Twiml { get; set; }

    /// <summary>"completed" hangs up a call in progress; "canceled" one still queued or ringing.</summary>
    public string? Status { get; set; }

    internal IEnumerable<KeyValuePair<string, string>> ToForm()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(PathSid);
        if (Url is null && Twiml is null && Status is null)
        {
            throw new ArgumentException("A call update needs Url, Twiml or Status.");
        }

        return new FormFields().Add("Url", Url).Add("Method", Method).Add("Twiml", Twiml).Add("Status", Status);
    }
}
