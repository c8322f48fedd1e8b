namespace PhoneBooking.Prompts.Speech;

/// <summary>How fast the line speaks to this caller; pressing 9 switches the call to <see cref="Slow"/>.</summary>
public enum SpeechRate
{
    Normal,
    Slow,
}
