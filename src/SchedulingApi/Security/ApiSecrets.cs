using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Security;

/// <summary>
/// HMACs under the API's key, one derived key per use (HKDF), so a fingerprint, a person key and a
/// throttle key of the same input never coincide. The key comes from configuration or, where allowed
/// (<see cref="SecurityOptions.GenerateHmacKey"/>), from a file created once in the data folder.
/// </summary>
public sealed class ApiSecrets
{
    private readonly byte[] _fingerprint;
    private readonly byte[]? _previousFingerprint;
    private readonly byte[] _person;
    private readonly byte[] _throttle;

    public ApiSecrets(IOptions<SecurityOptions> options, IOptions<StorageOptions> storage, IHostEnvironment environment)
    {
        var settings = options.Value;
        var key = SecurityOptions.Decode(settings.HmacKey)
            ?? SecretFile.LoadOrCreate(Path.Combine(Path.GetFullPath(storage.Value.DataDirectory, environment.ContentRootPath), SecurityOptions.KeyFileName));
        _fingerprint = Derive(key, "idempotency-fingerprint");
        _person = Derive(key, "person-key");
        _throttle = Derive(key, "attempt-throttle");
        _previousFingerprint = SecurityOptions.Decode(settings.PreviousHmacKey) is { } previous ? Derive(previous, "idempotency-fingerprint") : null;
    }

    /// <summary>What a stored idempotency record remembers of a request: path and body, keyed.</summary>
    public string Fingerprint(string path, byte[] body) => Fingerprint(_fingerprint, path, body);

    /// <summary>True when <paramref name="stored"/> is this request's fingerprint under the current or the previous key.</summary>
    public bool FingerprintMatches(string stored, string path, byte[] body) =>
        Same(stored, Fingerprint(path, body)) || (_previousFingerprint is { } previous && Same(stored, Fingerprint(previous, path, body)));

    public string PersonKey(string canonicalPerson) => Hex(_person, canonicalPerson);

    public string ThrottleKey(string subject) => Hex(_throttle, subject);

    private static string Fingerprint(byte[] key, string path, byte[] body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes(path + "\n"));
        hmac.AppendData(body);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    private static bool Same(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    private static string Hex(byte[] key, string value) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));

    private static byte[] Derive(byte[] key, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, salt: [], info: Encoding.UTF8.GetBytes("PhoneBooking.SchedulingApi/" + purpose));
}
