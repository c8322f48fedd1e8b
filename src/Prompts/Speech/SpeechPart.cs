namespace PhoneBooking.Prompts.Speech;

/// <summary>One piece of a composed prompt, before it becomes SSML, plain text or an SMS.</summary>
public abstract record SpeechPart;

/// <summary>Words. <paramref name="Written"/> goes into text messages; <paramref name="Spoken"/> to the voice ("10 h" / "10 heures").</summary>
public sealed record TextPart(string Spoken, string Written) : SpeechPart;

/// <summary>Characters read one by one (SSML say-as digits or characters).</summary>
public sealed record CharactersPart(string Characters) : SpeechPart
{
    public bool IsDigits => Characters.All(char.IsAsciiDigit);
}

/// <summary>A pause between groups; <paramref name="WrittenSeparator"/> stands for it in text ("-" in a phone number).</summary>
public sealed record PausePart(int Milliseconds, string WrittenSeparator = " ") : SpeechPart;
