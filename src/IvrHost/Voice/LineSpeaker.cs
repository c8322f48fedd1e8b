using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.Prompts.Catalog;
using PhoneBooking.Prompts.Speech;
using Twilio.TwiML;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>
/// Lines become &lt;Say&gt; (or &lt;Play&gt;) in the caller's language and at their speech rate. Lines
/// said in every language (before one is chosen) are grouped: all of them in English, then all of
/// them in French, each in its own voice — "Hello… For English, press 1. Bonjour… Pour le français…".
/// </summary>
public sealed class LineSpeaker(PromptCatalog prompts)
{
    public IEnumerable<TwiML> Speak(IReadOnlyList<Line> lines, CallSession? session)
    {
        var locale = session?.Locale ?? prompts.DefaultLocale;
        var rate = session?.SlowSpeech == true ? SpeechRate.Slow : SpeechRate.Normal;
        for (var i = 0; i < lines.Count;)
        {
            if (!lines[i].EveryLocale && session is not null)
            {
                yield return prompts.Render(lines[i].Id, locale, lines[i].Arguments, rate);
                i++;
                continue;
            }

            var group = lines.Skip(i).TakeWhile(l => l.EveryLocale || session is null).ToList();
            foreach (var each in prompts.Locales)
            {
                foreach (var line in group)
                {
                    yield return prompts.Render(line.Id, each, line.Arguments, rate);
                }
            }

            i += group.Count;
        }
    }

    /// <summary>A line as a text message's words (written forms: "10 h", "4821 3907").</summary>
    public string Text(Line line, string locale) => prompts.RenderText(line.Id, locale, line.Arguments);
}
