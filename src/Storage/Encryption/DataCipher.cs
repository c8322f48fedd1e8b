using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PhoneBooking.Storage.Encryption;

/// <summary>
/// Encrypts personal data before it is stored: AES-256-GCM under a key from <see cref="EncryptionOptions"/>, a
/// fresh 96-bit nonce per value, and the value's place (table, column, row key) as associated data — so a
/// ciphertext copied into another row or column does not decrypt. Stored as <c>pb1.&lt;key id&gt;.&lt;base64url of
/// nonce, ciphertext and tag&gt;</c>: the key id says which key decrypts it, so old keys keep working after a
/// rotation. A value without the prefix was stored before encryption (a SQLite file from an older line) and
/// is read as it is; it is encrypted the next time its row is written.
/// </summary>
public sealed class DataCipher
{
    private const string Prefix = "pb1.";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _current;

    public DataCipher(IOptions<EncryptionOptions> options, IOptions<StorageOptions> storage, IHostEnvironment environment, DataDirectory data)
    {
        var settings = options.Value;
        if (settings.Generates(environment, storage.Value.ProviderKind))
        {
            _keys = new(StringComparer.Ordinal) { [EncryptionOptions.GeneratedKeyId] = SecretFile.LoadOrCreate(data.File(EncryptionOptions.KeyFileName), EncryptionOptions.KeyBytes)[..EncryptionOptions.KeyBytes] };
            _current = EncryptionOptions.GeneratedKeyId;
        }
        else
        {
            _keys = settings.Keys.ToDictionary(k => k.Key, k => EncryptionOptions.Decode(k.Value) ?? throw new InvalidOperationException($"Encryption:Keys:{k.Key} is not a key."), StringComparer.Ordinal);
            _current = settings.CurrentKeyId ?? settings.Keys.Keys.Single();
        }
    }

    /// <summary>A cipher over the given keys, <paramref name="current"/> first (tests, tools).</summary>
    public DataCipher(string current, IReadOnlyDictionary<string, byte[]> keys)
    {
        _keys = new(keys, StringComparer.Ordinal);
        _current = current;
    }

    public string CurrentKeyId => _current;

    /// <param name="context">Where the value is kept, e.g. <c>call_sessions.payload/CA…</c>: it must be given again to decrypt.</param>
    public string Encrypt(string plaintext, string context)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedValue = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedValue.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_current], TagBytes);
        aes.Encrypt(nonce, plain, sealedValue.AsSpan(NonceBytes, plain.Length), sealedValue.AsSpan(NonceBytes + plain.Length), Encoding.UTF8.GetBytes(context));
        return $"{Prefix}{_current}.{Base64Url.EncodeToString(sealedValue)}";
    }

    public string? EncryptOrNull(string? plaintext, string context) => plaintext is null ? null : Encrypt(plaintext, context);

    /// <summary>The plaintext of a stored value; a value stored before encryption comes back as it is.</summary>
    /// <exception cref="CryptographicException">Its key is not configured, or it was altered or moved from its place.</exception>
    public string Decrypt(string stored, string context)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        var dot = stored.IndexOf('.', Prefix.Length);
        var keyId = dot < 0 ? "" : stored[Prefix.Length..dot];
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"A stored value is encrypted with key '{keyId}', which Encryption:Keys does not hold (keep a retired key until nothing uses it).");
        }

        var sealedValue = Base64Url.DecodeFromChars(stored.AsSpan(dot + 1));
        if (sealedValue.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("A stored encrypted value is truncated.");
        }

        var length = sealedValue.Length - NonceBytes - TagBytes;
        var plain = new byte[length];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedValue.AsSpan(0, NonceBytes), sealedValue.AsSpan(NonceBytes, length), sealedValue.AsSpan(NonceBytes + length), plain, Encoding.UTF8.GetBytes(context));
        return Encoding.UTF8.GetString(plain);
    }

    public string? DecryptOrNull(string? stored, string context) => stored is null ? null : Decrypt(stored, context);

    /// <summary>True when <paramref name="stored"/> is in clear or under another key than the current one (a re-encryption would rewrite it).</summary>
    public bool IsStale(string stored) => !stored.StartsWith($"{Prefix}{_current}.", StringComparison.Ordinal);
}
