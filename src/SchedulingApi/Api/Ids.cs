using System.Security.Cryptography;

namespace PhoneBooking.SchedulingApi.Api;

/// <summary>Unguessable ids (96 random bits) with a type prefix: br_, of_, gv_, fa_.</summary>
internal static class Ids
{
    public static string New(string prefix) => prefix + "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>A code read aloud: digits only, no leading zero (so no system drops it).</summary>
    public static string Digits(int length) =>
        RandomNumberGenerator.GetInt32(1, 10).ToString(System.Globalization.CultureInfo.InvariantCulture)
        + string.Concat(Enumerable.Range(1, length - 1).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
}
