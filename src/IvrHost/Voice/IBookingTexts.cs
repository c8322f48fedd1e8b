using PhoneBooking.IvrHost.CallFlow;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>Sends the caller a text copy of their booking; false when the number cannot take texts.</summary>
public interface IBookingTexts
{
    Task<bool> SendConfirmationAsync(CallSession session, CancellationToken cancellationToken);
}
