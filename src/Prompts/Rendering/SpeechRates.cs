using PhoneBooking.Prompts.Speech;

namespace PhoneBooking.Prompts.Rendering;

/// <summary>Prosody rates, in percent of the voice's normal speed.</summary>
internal readonly record struct SpeechRates(int NormalPercent, int SlowPercent)
{
    public int PercentFor(SpeechRate rate) => rate == SpeechRate.Slow ? SlowPercent : NormalPercent;

    /// <summary>Pauses stretch with the speech, so a slower caller also gets longer gaps between groups.</summary>
    public int Scale(int milliseconds, SpeechRate rate) => milliseconds * 100 / PercentFor(rate);
}
