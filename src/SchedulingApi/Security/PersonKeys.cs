using System.Globalization;
using PhoneBooking.SchedulingApi.BookingRequests;

namespace PhoneBooking.SchedulingApi.Security;

/// <summary>The person behind each open booking request, as a keyed hash (never readable back).</summary>
public interface IPersonKeyStore
{
    Task RecordAsync(string requestId, string personKey, CancellationToken cancellationToken);

    /// <summary>True when a request of this person is queued, awaiting eligibility, offered or booked.</summary>
    Task<bool> HasOpenRequestAsync(string personKey, CancellationToken cancellationToken);
}

/// <summary>
/// One open request per person (OWASP API6, bulk booking): a person is their birth date and contact
/// phone, plus name and health card number when given — so twins sharing a phone can still both be
/// booked by an agent who types their names. Hashed under the API's key: the table says nothing.
/// </summary>
internal sealed class PersonKeys(ApiSecrets secrets)
{
    public string For(ValidBookingRequest request) => secrets.PersonKey(string.Join(
        '\n',
        request.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        request.ContactPhone,
        request.Name?.Trim().ToUpperInvariant() ?? "",
        new string([.. (request.HealthCardNumber ?? "").Where(char.IsAsciiLetterOrDigit)]).ToUpperInvariant()));
}
