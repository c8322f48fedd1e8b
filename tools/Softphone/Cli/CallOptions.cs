using System.CommandLine;
using System.CommandLine.Parsing;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Engine;

namespace PhoneBooking.Softphone.Cli;

/// <summary>The options shared by `dial` and `script`: where the line is, who calls, how Twilio is configured.</summary>
internal sealed class CallOptions
{
    public Option<Uri> Url { get; } = new("--url") { Description = "The line's voice URL", DefaultValueFactory = _ => DialRequest.LocalLine, CustomParser = WebUrl };
    public Option<string> From { get; } = new("--from") { Description = "The caller's number (E.164)", DefaultValueFactory = _ => new DialRequest().From };
    public Option<string> To { get; } = new("--to") { Description = "The line's number (E.164)", DefaultValueFactory = _ => new DialRequest().To };
    public Option<Uri?> FallbackUrl { get; } = new("--fallback-url") { Description = "Requested when the line's TwiML fails", CustomParser = WebUrl };
    public Option<Uri?> StatusCallback { get; } = new("--status-callback") { Description = "Gets CallStatus=completed when the call ends", CustomParser = WebUrl };
    public Option<string> AuthToken { get; } = AuthTokenOption();
    public Option<string> AccountSid { get; } = AccountSidOption();

    public static Option<string> AuthTokenOption() =>
        new("--auth-token") { Description = "Signs webhooks (X-Twilio-Signature) and checks REST Basic auth", DefaultValueFactory = _ => SoftphoneOptions.LocalAuthToken };

    public static Option<string> AccountSidOption() =>
        new("--account-sid") { Description = "The Twilio account the calls belong to", DefaultValueFactory = _ => SoftphoneOptions.LocalAccountSid };

    /// <summary>
    /// An absolute http(s) URL, as Twilio accepts for a number's webhooks. System.CommandLine 2.0 has no
    /// converter for <see cref="Uri"/> (dotnet/command-line-api#2574): without this, --url threw at GetValue.
    /// </summary>
    internal static Uri WebUrl(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }

        result.AddError($"'{text}' is not an absolute http or https URL (for example http://127.0.0.1:5080/voice).");
        return null!;
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Url, From, To, FallbackUrl, StatusCallback, AuthToken, AccountSid })
        {
            command.Add(option);
        }
    }

    public SoftphoneOptions Engine(ParseResult parse) => new()
    {
        AuthToken = parse.GetValue(AuthToken)!,
        AccountSid = parse.GetValue(AccountSid)!,
    };

    public DialRequest Request(ParseResult parse) => new()
    {
        VoiceUrl = parse.GetValue(Url)!,
        From = parse.GetValue(From)!,
        To = parse.GetValue(To)!,
        FallbackUrl = parse.GetValue(FallbackUrl),
        StatusCallbackUrl = parse.GetValue(StatusCallback),
    };
}
