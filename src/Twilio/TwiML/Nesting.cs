namespace PhoneBooking.Twilio.TwiML;

/// <summary>
/// Which element may sit where. Lives outside the elements because their verb methods
/// (<c>Say()</c>, <c>Dial.Number()</c>) hide the type names inside them.
/// </summary>
internal static class Nesting
{
    public static bool IsVerb(TwiML child) =>
        child is Say or Play or Pause or Gather or Redirect or Hangup or Enqueue or Leave or Dial or Reject;

    public static bool IsGatherChild(TwiML child) => child is Say or Play or Pause;

    public static bool IsDialNoun(TwiML child) => child is Number or Queue or Client or Sip;
}
