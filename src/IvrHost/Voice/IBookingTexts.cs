using PhoneBooking.IvrHost.CallFlow;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>How sending the booking's text copy went, as the caller is told.</summary>
public enum TextOutcome
{
    Sent,

    /// <summary>The number cannot take texts (a landline) or sending failed.</summary>
    CannotText,

    /// <summary>The outbound policy refused it: a number we never text (premium, foreign…) or its share for the day is used.</summary>
    Refused,

    /// <summary>This call already texted this booking.</summary>
    AlreadySent,
}

/// <summary>Sends the caller a text copy of their booking.</summary>
public interface IBookingTexts
{
    Task<TextOutcome> SendConfirmationAsync(CallSession session, CancellationToken cancellationToken);
}
