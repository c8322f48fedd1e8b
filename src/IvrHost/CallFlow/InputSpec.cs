namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>How a prompt listens: a one-key menu, or a digit entry ended by # (or by its exact length).</summary>
public sealed record InputSpec(int? NumDigits, bool FinishOnPound, bool AcceptsSpeech, int TimeoutSeconds)
{
    /// <summary>One key; seniors get 8 seconds to find it.</summary>
    public static readonly InputSpec Menu = new(1, FinishOnPound: false, AcceptsSpeech: false, TimeoutSeconds: 8);

    /// <summary>While waiting on the line: short gathers that double as the poll interval.</summary>
    public static readonly InputSpec Hold = new(1, FinishOnPound: false, AcceptsSpeech: false, TimeoutSeconds: 5);

    /// <summary>Digits ended by # (or submitted by themselves once <paramref name="exactLength"/> is reached).</summary>
    public static InputSpec Digits(int? exactLength = null, bool speech = false) =>
        new(exactLength, FinishOnPound: true, AcceptsSpeech: speech, TimeoutSeconds: 10);
}
