using System.Text.RegularExpressions;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Testing;

namespace PhoneBooking.AgentConsole.Browser.Tests;

/// <summary>One call driven by hand-made webhooks, signed as Twilio signs them: each keypress goes to the last Gather's action.</summary>
public sealed partial class SignedCaller(Uri line, string callSid, string from) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = line };
    private string _twiml = "";

    public string CallSid { get; } = callSid;

    /// <summary>What the line answered last.</summary>
    public string Twiml => _twiml;

    public static string NewCallSid() => "CA" + Guid.NewGuid().ToString("N");

    public Task<string> RingAsync() => PostAsync("voice", []);

    public Task<string> PressAsync(string digits)
    {
        var action = GatherAction().Match(_twiml);
        Assert.True(action.Success, "The line is not waiting for keys:\n" + _twiml);
        return PostAsync(action.Groups["path"].Value.TrimStart('/'), [new("Digits", digits)]);
    }

    public void Dispose() => _http.Dispose();

    private async Task<string> PostAsync(string pathAndQuery, KeyValuePair<string, string>[] extra)
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = SoftphoneOptions.LocalAccountSid,
            ["CallSid"] = CallSid,
            ["CallStatus"] = "in-progress",
            ["Direction"] = "inbound",
            ["From"] = from,
            ["To"] = "+15550100000",
        };
        foreach (var (name, value) in extra)
        {
            form[name] = value;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioSigner.Sign(SoftphoneOptions.LocalAuthToken, new Uri(_http.BaseAddress!, pathAndQuery).ToString(), form));
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        _twiml = await response.Content.ReadAsStringAsync();
        return _twiml;
    }

    [GeneratedRegex("<Gather [^>]*action=\"(?<path>[^\"]+)\"")]
    private static partial Regex GatherAction();
}
