namespace PhoneBooking.Prompts.Speech;

/// <summary>The parts of day a caller can prefer (the API's <c>partOfDay</c>).</summary>
public enum PartOfDay
{
    Morning,
    Afternoon,
    Evening,
    Any,
}
