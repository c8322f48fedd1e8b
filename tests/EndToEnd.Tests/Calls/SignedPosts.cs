using PhoneBooking.Softphone.Engine;
using PhoneBooking.Testing;

namespace PhoneBooking.EndToEnd.Tests.Calls;

/// <summary>Hand-made webhooks for what the softphone never sends: broken forms, replays, oversized bodies.</summary>
public sealed class SignedPosts(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    public static Dictionary<string, string> Form(string callSid, params (string Name, string Value)[] extra)
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = SoftphoneOptions.LocalAccountSid,
            ["ApiVersion"] = "2010-04-01",
            ["CallSid"] = callSid,
            ["CallStatus"] = "in-progress",
            ["Direction"] = "inbound",
            ["From"] = "+16135550999",
            ["To"] = "+15550100000",
        };
        foreach (var (name, value) in extra)
        {
            form[name] = value;
        }

        return form;
    }

    /// <summary>A form post signed with the line's auth token, as Twilio signs it (URL + sorted parameters).</summary>
    public Task<HttpResponseMessage> PostAsync(string pathAndQuery, IReadOnlyCollection<KeyValuePair<string, string>> form) =>
        SendAsync(pathAndQuery, new FormUrlEncodedContent(form), Sign(pathAndQuery, form));

    public string Sign(string pathAndQuery, IEnumerable<KeyValuePair<string, string>> form) =>
        TwilioSigner.Sign(SoftphoneOptions.LocalAuthToken, new Uri(_http.BaseAddress!, pathAndQuery).ToString(), form);

    /// <param name="expectContinue">Ask before sending the body (<c>Expect: 100-continue</c>), so a refused body is never sent.</param>
    public async Task<HttpResponseMessage> SendAsync(string pathAndQuery, HttpContent content, string? signature, bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = content };
        request.Headers.ExpectContinue = expectContinue;
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Signature", signature);
        }

        return await _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();
}
