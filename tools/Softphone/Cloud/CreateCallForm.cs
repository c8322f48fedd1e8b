using Microsoft.AspNetCore.Http;

namespace PhoneBooking.Softphone.Cloud;

/// <summary>The parameters of POST Calls.json (Twilio's names), read and checked as Twilio does.</summary>
internal sealed record CreateCallForm(
    string To,
    string From,
    Uri? Url,
    HttpMethod Method,
    string? Twiml,
    Uri? FallbackUrl,
    HttpMethod FallbackMethod,
    Uri? StatusCallback,
    HttpMethod StatusCallbackMethod,
    IReadOnlySet<string> StatusCallbackEvents,
    TimeSpan Timeout,
    string? MachineDetection,
    bool AsyncAmd,
    Uri? AsyncAmdStatusCallback,
    HttpMethod AsyncAmdStatusCallbackMethod)
{
    public static (CreateCallForm? Form, IResult? Error) Read(IFormCollection form)
    {
        string? Value(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;

        var to = Value("To");
        if (to is null)
        {
            return (null, RestError.Result(400, 21201, "No 'To' number is specified"));
        }

        var from = Value("From");
        if (from is null)
        {
            return (null, RestError.Result(400, 21213, "No 'From' number is specified"));
        }

        var twiml = Value("Twiml");
        var url = Value("Url");
        if (url is null && twiml is null)
        {
            return (null, RestError.Result(400, 21205, "A 'Url' or 'Twiml' parameter is required"));
        }

        var urls = new Dictionary<string, Uri?>();
        foreach (var name in new[] { "Url", "FallbackUrl", "StatusCallback", "AsyncAmdStatusCallback" })
        {
            var raw = Value(name);
            if (raw is not null && !(Uri.TryCreate(raw, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"))
            {
                return (null, RestError.Result(400, 21205, $"{name} is not a valid URL: {raw}"));
            }

            urls[name] = raw is null ? null : new Uri(raw);
        }

        var events = form["StatusCallbackEvent"].SelectMany(v => (v ?? "").Split(' ', ',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        if (events.Count == 0)
        {
            events.Add("completed");
        }

        var timeout = int.TryParse(Value("Timeout"), out var seconds) && seconds > 0 ? seconds : 60;
        var detection = Value("MachineDetection");
        if (detection is not null && detection is not ("Enable" or "DetectMessageEnd"))
        {
            return (null, RestError.Result(400, 21200, $"MachineDetection must be Enable or DetectMessageEnd, not '{detection}'"));
        }

        return (new CreateCallForm(
            to, from, urls["Url"], MethodOf(Value("Method")), twiml, urls["FallbackUrl"], MethodOf(Value("FallbackMethod")),
            urls["StatusCallback"], MethodOf(Value("StatusCallbackMethod")), events, TimeSpan.FromSeconds(Math.Min(timeout, 600)),
            detection, string.Equals(Value("AsyncAmd"), "true", StringComparison.OrdinalIgnoreCase),
            urls["AsyncAmdStatusCallback"], MethodOf(Value("AsyncAmdStatusCallbackMethod"))), null);
    }

    private static HttpMethod MethodOf(string? value) =>
        string.Equals(value, "GET", StringComparison.OrdinalIgnoreCase) ? HttpMethod.Get : HttpMethod.Post;
}
