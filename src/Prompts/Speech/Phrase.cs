namespace PhoneBooking.Prompts.Speech;

/// <summary>Words in two forms: as written in a text message, and as given to the voice.</summary>
internal readonly record struct Phrase(string Written, string Spoken)
{
    public static Phrase Same(string text) => new(text, text);
}
