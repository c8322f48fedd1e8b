using Microsoft.Extensions.Options;

namespace PhoneBooking.SchedulingApi.Security;

/// <summary>
/// Section <c>Security</c>: the API's HMAC key. It keys what the database keeps about secrets and
/// people (idempotency fingerprints, person keys, throttle counters), so nothing stored there can be
/// reversed by brute force without it.
/// </summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";
    public const string KeyFileName = "api-hmac.key";
    public const int MinKeyBytes = 32;

    /// <summary>Base64 of at least 32 random bytes (<c>dotnet run --project src/SchedulingApi -- new-secret</c>).</summary>
    public string? HmacKey { get; set; }

    /// <summary>The key before the last rotation: idempotency fingerprints made with it still match for the retention time.</summary>
    public string? PreviousHmacKey { get; set; }

    /// <summary>
    /// Without <see cref="HmacKey"/>: create one in the data folder (<see cref="KeyFileName"/>, mode 0600).
    /// Default: on in Development and for the API the line embeds; off elsewhere, where a missing key stops the start.
    /// </summary>
    public bool? GenerateHmacKey { get; set; }

    internal static byte[]? Decode(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }

        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), bytes, out var length) ? bytes[..length] : [];
    }
}

internal sealed class SecurityOptionsValidator(IHostEnvironment environment) : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var errors = new List<string>();
        Check(errors, "HmacKey", options.HmacKey);
        Check(errors, "PreviousHmacKey", options.PreviousHmacKey);
        if (string.IsNullOrWhiteSpace(options.HmacKey) && !(options.GenerateHmacKey ?? environment.IsDevelopment()))
        {
            errors.Add(
                $"Security:HmacKey is required in {environment.EnvironmentName}: base64 of at least {SecurityOptions.MinKeyBytes} random bytes "
                + "(`dotnet run --project src/SchedulingApi -- new-secret`). It keys idempotency fingerprints, person keys and throttle counters; docs/security.md.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    // Never quotes the value: it is a secret.
    private static void Check(List<string> errors, string key, string? value)
    {
        if (SecurityOptions.Decode(value) is { } bytes && bytes.Length < SecurityOptions.MinKeyBytes)
        {
            errors.Add($"Security:{key} must be base64 of at least {SecurityOptions.MinKeyBytes} bytes (it decodes to {bytes.Length}).");
        }
    }
}
