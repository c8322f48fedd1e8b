using PhoneBooking.Softphone.Platform;

namespace PhoneBooking.Softphone.Calls;

/// <summary>Where the call's next TwiML comes from.</summary>
internal abstract record Instruction;

/// <summary>Request TwiML from the line (voice URL, action, redirect, call update).</summary>
internal sealed record FetchInstruction(string Purpose, Uri Url, HttpMethod Method, IReadOnlyList<KeyValuePair<string, string>> Extra) : Instruction;

/// <summary>TwiML given inline (REST API Twiml parameter): it has no URL.</summary>
internal sealed record InlineInstruction(string Twiml) : Instruction;

/// <summary>A URL that cannot be requested (relative with nothing to resolve against…): reported like a failed fetch.</summary>
internal sealed record BrokenInstruction(TwilioNotification Failure) : Instruction;

/// <summary>End the call now (REST API Status=completed).</summary>
internal sealed record EndInstruction(CallEnding Ending) : Instruction;
