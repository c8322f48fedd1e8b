namespace PhoneBooking.Softphone.Timing;

/// <summary>How long text takes to say, at a speaking rate in words per minute.</summary>
public static class SpeechTiming
{
    public static TimeSpan Duration(string text, int wordsPerMinute)
    {
        if (wordsPerMinute <= 0 || string.IsNullOrWhiteSpace(text))
        {
            return TimeSpan.Zero;
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return TimeSpan.FromMinutes((double)words / wordsPerMinute);
    }
}
