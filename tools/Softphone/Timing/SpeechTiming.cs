namespace PhoneBooking.Softphone.Timing;

/// <summary>How long text takes to say, at a speaking rate in words per minute, and how much of it is said in a given time.</summary>
public static class SpeechTiming
{
    public static TimeSpan Duration(string text, int wordsPerMinute)
    {
        if (wordsPerMinute <= 0 || string.IsNullOrWhiteSpace(text))
        {
            return TimeSpan.Zero;
        }

        return TimeSpan.FromMinutes((double)Words(text).Length / wordsPerMinute);
    }

    public static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Words go at an even pace: how many of <paramref name="words"/> are said in <paramref name="played"/> of <paramref name="duration"/> (all when null).</summary>
    public static int WordsSaid(int words, TimeSpan? played, TimeSpan duration) =>
        played is null || duration <= TimeSpan.Zero ? words : (int)Math.Min(words, Math.Floor(words * (played.Value / duration) + 1e-9));

    /// <summary>The words of <paramref name="text"/> said in <paramref name="played"/> of <paramref name="duration"/>, "…" marking where it stopped; all of it when null.</summary>
    public static string Said(string text, TimeSpan? played, TimeSpan duration)
    {
        if (played is null)
        {
            return text;
        }

        var words = Words(text);
        var said = WordsSaid(words.Length, played, duration);
        return said == 0 ? "… (stopped before the first word)" : string.Join(' ', words[..said]) + " …";
    }
}
