using System.CommandLine;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Engine;

namespace PhoneBooking.Softphone.Cli;

/// <summary>The options shared by `dial` and `script`: where the line is, who calls, how Twilio is configured.</summary>
internal sealed class CallOptions
{
    public Option<Uri> Url { get; } = new("--url") { Description = "The line's voice URL", DefaultValueFactory = _ => DialRequest.LocalLine };
    public Option<string> From { get; } = new("--from") { Description = "The caller's number (E.164)", DefaultValueFactory = _ => new DialRequest().From };
    public Option<string> To { get; } = new("--to") { Description = "The line's number (E.164)", DefaultValueFactory = _ => new DialRequest().To };
    public Option<Uri?> FallbackUrl { get; } = new("--fallback-url") { Description = "Requested when the line's TwiML fails" };
    public Option<Uri?> StatusCallback { get; } = new("--status-callback") { Description = "Gets CallStatus=completed when the call ends" };
    public Option<string> AuthToken { get; } = AuthTokenOption();
    public Option<string> AccountSid { get; } = AccountSidOption();

    public static Option<string> AuthTokenOption() =>
        new("--auth-token") { Description = "Signs webhooks (X-Twilio-Signature) and checks REST Basic auth", DefaultValueFactory = _ => SoftphoneOptions.LocalAuthToken };

    public static Option<string> AccountSidOption() =>
        new("--account-sid") { Description = "The Twilio account the calls belong to", DefaultValueFactory = _ => SoftphoneOptions.LocalAccountSid };

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
