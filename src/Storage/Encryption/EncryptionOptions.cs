using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PhoneBooking.Storage.Encryption;

/// <summary>
/// Section <c>Encryption</c>: the keys personal data is encrypted with at rest (docs/security.md). Each key
/// has an id, stored with every value it encrypts, so a key can be replaced without losing what the old
/// one encrypted: add the new key, make it <see cref="CurrentKeyId"/>, keep the old one until nothing
/// uses it any more (docs/operations.md, "Rotating the encryption key").
/// </summary>
public sealed class EncryptionOptions
{
    public const string SectionName = "Encryption";

    /// <summary>The generated development key's file in the data folder (SQLite only), and its id.</summary>
    public const string KeyFileName = "encryption.key";

    public const string GeneratedKeyId = "local";

    public const int KeyBytes = 32;

    /// <summary>Keys by id (letters, digits, '-' and '_'), each base64 of 32 random bytes (<c>openssl rand -base64 32</c>).</summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>The key new values are encrypted with; may be left out when there is one key.</summary>
    public string? CurrentKeyId { get; set; }

    /// <summary>
    /// Without <see cref="Keys"/>: make one in the data folder (<see cref="KeyFileName"/>, mode 0600). Default: on in
    /// Development with SQLite; never on PostgreSQL (instances must share the key, and a key beside the data it
    /// protects protects nothing), and off elsewhere, where a missing key stops the start.
    /// </summary>
    public bool? GenerateKey { get; set; }

    /// <summary>The key's bytes, or null when the value is not base64 of <see cref="KeyBytes"/> bytes.</summary>
    internal static byte[]? Decode(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }

        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), bytes, out var length) && length == KeyBytes ? bytes[..length] : null;
    }

    internal bool Generates(IHostEnvironment environment, StorageProvider provider) =>
        Keys.Count == 0 && provider == StorageProvider.Sqlite && (GenerateKey ?? environment.IsDevelopment());
}

/// <summary>Checked at start. Never quotes a key: only ids and lengths.</summary>
internal sealed partial class EncryptionOptionsValidator(IHostEnvironment environment, IOptions<StorageOptions> storage) : IValidateOptions<EncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, EncryptionOptions options)
    {
        var failures = new List<string>();
        var provider = storage.Value.ProviderKind;
        foreach (var (id, key) in options.Keys)
        {
            if (!KeyId().IsMatch(id))
            {
                failures.Add($"Encryption:Keys '{id}': a key id is 1 to 32 letters, digits, '-' or '_'.");
            }

            if (EncryptionOptions.Decode(key) is null)
            {
                failures.Add($"Encryption:Keys:{id} must be base64 of exactly {EncryptionOptions.KeyBytes} random bytes (`openssl rand -base64 32`; value not shown: it is a secret).");
            }
        }

        if (options.CurrentKeyId is { } current && !options.Keys.ContainsKey(current))
        {
            failures.Add($"Encryption:CurrentKeyId '{current}' names no key of Encryption:Keys ({Ids(options)}).");
        }
        else if (options.CurrentKeyId is null && options.Keys.Count > 1)
        {
            failures.Add($"Encryption:CurrentKeyId must say which of Encryption:Keys ({Ids(options)}) encrypts new data.");
        }

        if (options.Keys.Count == 0 && !options.Generates(environment, provider))
        {
            failures.Add(provider == StorageProvider.Postgres
                ? "Encryption:Keys is required with Storage:Provider 'Postgres': every instance must encrypt and decrypt with the same key, and it must not be kept in the database it protects (Encryption:Keys:<id>=<base64 of 32 bytes>; docs/operations.md)."
                : $"Encryption:Keys is required in {environment.EnvironmentName}: personal data is encrypted at rest with it (Encryption:Keys:<id>=<base64 of 32 bytes>, `openssl rand -base64 32`; docs/operations.md).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Ids(EncryptionOptions options) => options.Keys.Count == 0 ? "none" : string.Join(", ", options.Keys.Keys.Order(StringComparer.Ordinal));

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex KeyId();
}
