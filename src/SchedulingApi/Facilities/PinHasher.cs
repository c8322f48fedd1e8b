using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PhoneBooking.SchedulingApi.Facilities;

/// <summary>PBKDF2-SHA256 with a per-PIN salt, stored as <c>pbkdf2-sha256$iterations$salt$hash</c>.</summary>
internal sealed class PinHasher(IOptions<FacilityOptions> options)
{
    private const string Scheme = "pbkdf2-sha256";
    private readonly Lazy<string> _decoy = new(() => Hash("0000", options.Value.PinHashIterations));

    /// <summary>Checked against when the facility code is unknown, so both cases cost the same time.</summary>
    public string DecoyHash => _decoy.Value;

    public string Hash(string pin) => Hash(pin, options.Value.PinHashIterations);

    public static bool Verify(string pin, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), Convert.FromBase64String(parts[2]), iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static string Hash(string pin, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), salt, iterations, HashAlgorithmName.SHA256, 32);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }
}
