using System.Text.RegularExpressions;
using PhoneBooking.Prompts;
using PhoneBooking.Prompts.Catalog;
using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Softphone.Timing;
using PhoneBooking.Softphone.Transcripts;

namespace PhoneBooking.Line.Bench;

/// <summary>
/// How long a caller listens during one call: each &lt;Say&gt; heard is traced back to its prompt in the
/// catalog, whose estimate (<see cref="Prompts.Rendering.PromptSpeech.EstimatedDuration"/>: words at 150
/// a minute plus pauses, sample values in the placeholders) is summed. The softphone's own count of the
/// words actually heard is given beside it.
/// </summary>
internal sealed class SpokenEstimate
{
    private readonly PromptCatalog _catalog = PromptCatalog.Load(new PromptOptions());
    private readonly List<(PromptEntry Entry, Regex Pattern)> _patterns;

    public SpokenEstimate()
    {
        // Every locale: the language menu offers each language in its own words.
        _patterns = [.. _catalog.Locales.SelectMany(_catalog.EntriesOf).Select(entry => (entry, Pattern(entry)))];
    }

    public sealed record Result(IReadOnlyList<string> PromptIds, TimeSpan FromCatalog, TimeSpan AsHeard, IReadOnlyList<string> Unmatched);

    public Result Of(Transcript transcript)
    {
        var ids = new List<string>();
        var catalog = TimeSpan.Zero;
        var heard = TimeSpan.Zero;
        var unmatched = new List<string>();
        foreach (var say in transcript.Entries.Where(e => e.Kind == TranscriptKind.Say))
        {
            var text = WithoutVoice(say.Text);
            heard += SpeechTiming.Duration(text, Prompts.Rendering.PromptSpeech.WordsPerMinute);
            var normalized = PhraseMatcher.Normalize(text);
            // The most specific prompt that fits: "Your {rank} choice is the earliest day, {part}." over "Your {rank} choice is {date}, {part}."
            var match = _patterns.Where(p => p.Pattern.IsMatch(normalized)).OrderByDescending(p => p.Pattern.ToString().Length).Select(p => p.Entry).FirstOrDefault();
            if (match is null)
            {
                unmatched.Add(text);
                continue;
            }

            ids.Add(match.Id);
            catalog += _catalog.Compose(match.Id, match.Locale, Placeholders.SamplesFor(match.Placeholders)).EstimatedDuration();
        }

        return new Result(ids, catalog, heard, unmatched);
    }

    /// <summary>"Hello. [en-US, Polly.Joanna-Neural]" → "Hello.": the softphone notes the voice after the text.</summary>
    private static string WithoutVoice(string text) => Regex.Replace(text, @"\s\[[^\]]*\]$", "");

    /// <summary>The prompt's words as a pattern over normalized text, each placeholder standing for any words.</summary>
    private static Regex Pattern(PromptEntry entry)
    {
        var parts = Regex.Split(entry.Text, @"\{[a-z][a-z0-9_]*\}").Select(literal => Regex.Escape(PhraseMatcher.Normalize(literal)));
        return new Regex("^" + string.Join(".+?", parts).Replace(@"\ ", " ", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
    }
}
