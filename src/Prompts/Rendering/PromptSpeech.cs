using System.Text;
using System.Xml;
using PhoneBooking.Prompts.Catalog;
using PhoneBooking.Prompts.Speech;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace PhoneBooking.Prompts.Rendering;

/// <summary>
/// A prompt with its values filled in, in the voice of the locale it was found in: ready to
/// become TwiML (<see cref="ToTwiML"/>), SSML for another engine, or a text message.
/// </summary>
public sealed class PromptSpeech
{
    /// <summary>Average speaking speed used for estimates (words a minute).</summary>
    public const int WordsPerMinute = 150;

    private readonly SpeechRates _rates;
    private readonly AudioOverrides? _audio;

    internal PromptSpeech(PromptEntry entry, PromptVoice voice, IReadOnlyList<SpeechPart> parts, SpeechRates rates, AudioOverrides? audio)
    {
        Entry = entry;
        Voice = voice;
        Parts = parts;
        _rates = rates;
        _audio = audio;
    }

    public PromptEntry Entry { get; }

    public PromptVoice Voice { get; }

    public IReadOnlyList<SpeechPart> Parts { get; }

    /// <summary>Words as heard: a code counts one word per character.</summary>
    public int WordCount => ToSpokenText().Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(word => word.Any(char.IsLetterOrDigit));

    /// <summary>The recording that replaces the voice at this rate, if any.</summary>
    public Uri? AudioFor(SpeechRate rate) => _audio?.Find(Entry.Locale, Entry.Id, rate);

    /// <summary>Estimated listening time: <see cref="WordsPerMinute"/>, slowed by the rate, plus the pauses.</summary>
    public TimeSpan EstimatedDuration(SpeechRate rate = SpeechRate.Normal)
    {
        var speaking = TimeSpan.FromMinutes((double)WordCount / WordsPerMinute) * 100 / _rates.PercentFor(rate);
        var pauses = Parts.OfType<PausePart>().Sum(pause => _rates.Scale(pause.Milliseconds, rate));
        return speaking + TimeSpan.FromMilliseconds(pauses);
    }

    /// <summary>
    /// &lt;Play&gt; of the recording when there is one for this rate; otherwise &lt;Say&gt; with the
    /// locale's voice and SSML: prosody for the rate, say-as for codes, breaks between groups.
    /// </summary>
    public TwiML ToTwiML(SpeechRate rate = SpeechRate.Normal)
    {
        if (AudioFor(rate) is { } recording)
        {
            return new Play(recording);
        }

        var say = new Say(voice: Voice.Name, language: Voice.Language);
        TwiML container = say;
        var percent = _rates.PercentFor(rate);
        if (percent != 100)
        {
            var prosody = new SsmlProsody(rate: $"{percent}%");
            say.Append(prosody);
            container = prosody;
        }

        foreach (var part in MergedParts())
        {
            _ = part switch
            {
                TextPart text => container.AddText(text.Spoken),
                CharactersPart characters => container.Append(new SsmlSayAs(
                    characters.Characters,
                    characters.IsDigits ? SsmlSayAs.InterpretAsEnum.Digits : SsmlSayAs.InterpretAsEnum.Characters)),
                PausePart pause => container.Append(new SsmlBreak(time: $"{_rates.Scale(pause.Milliseconds, rate)}ms")),
                _ => throw new InvalidOperationException($"Unknown speech part {part.GetType().Name}."),
            };
        }

        return say;
    }

    /// <summary>Standard SSML (<c>&lt;speak&gt;</c>) for engines other than Twilio, e.g. espeak-ng for review.</summary>
    public string ToSsml(SpeechRate rate = SpeechRate.Normal)
    {
        var output = new StringBuilder();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            writer.WriteStartElement("speak");
            writer.WriteAttributeString("xml", "lang", null, Entry.Locale);
            writer.WriteStartElement("prosody");
            writer.WriteAttributeString("rate", $"{_rates.PercentFor(rate)}%");
            foreach (var part in MergedParts())
            {
                switch (part)
                {
                    case TextPart text:
                        writer.WriteString(text.Spoken);
                        break;
                    case CharactersPart characters:
                        writer.WriteStartElement("say-as");
                        writer.WriteAttributeString("interpret-as", "characters");
                        writer.WriteString(characters.Characters);
                        writer.WriteEndElement();
                        break;
                    case PausePart pause:
                        writer.WriteStartElement("break");
                        writer.WriteAttributeString("time", $"{_rates.Scale(pause.Milliseconds, rate)}ms");
                        writer.WriteEndElement();
                        break;
                }
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return output.ToString();
    }

    /// <summary>The written form, for a text message: "Tuesday, March 23 … code 4821 3907".</summary>
    public string ToText() => Join(part => part switch
    {
        TextPart text => text.Written,
        CharactersPart characters => characters.Characters,
        PausePart pause => pause.WrittenSeparator,
        _ => string.Empty,
    });

    /// <summary>The words the voice says, characters of a code spaced out: "4 8 2 1 3 9 0 7".</summary>
    public string ToSpokenText() => Join(part => part switch
    {
        TextPart text => text.Spoken,
        CharactersPart characters => $" {string.Join(' ', characters.Characters.ToCharArray())} ",
        _ => " ",
    });

    public override string ToString() => ToSpokenText();

    private string Join(Func<SpeechPart, string> form)
    {
        var text = string.Concat(Parts.Select(form));
        return string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Replace(" .", ".", StringComparison.Ordinal).Replace(" ,", ",", StringComparison.Ordinal);
    }

    /// <summary>Neighbouring words become one text run, so the TwiML stays readable.</summary>
    private IEnumerable<SpeechPart> MergedParts()
    {
        TextPart? pending = null;
        foreach (var part in Parts)
        {
            if (part is TextPart text)
            {
                pending = pending is null ? text : new TextPart(pending.Spoken + text.Spoken, pending.Written + text.Written);
                continue;
            }

            if (pending is not null)
            {
                yield return pending;
                pending = null;
            }

            yield return part;
        }

        if (pending is not null)
        {
            yield return pending;
        }
    }
}
