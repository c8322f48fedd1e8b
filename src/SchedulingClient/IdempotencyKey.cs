using System.Security.Cryptography;
using System.Text;

namespace PhoneBooking.SchedulingClient;

/// <summary>
/// An <c>Idempotency-Key</c> derived from the logical operation, not made up per attempt:
/// <c>IdempotencyKey.For("phone", callSid, "submit")</c> is the same value on every retry and
/// after a restart, so the API replays the first answer instead of creating a second request.
/// </summary>
/// <remarks>
/// The value is <c>{origin}:{step}:{hash}</c>: origin and step stay readable in the API's logs,
/// the conversation id and qualifiers are hashed, so no caller data leaks into a header.
/// A changed body for the same step is answered 422: give a redo its own step, e.g. "submit-2".
/// </remarks>
public readonly record struct IdempotencyKey
{
    private IdempotencyKey(string value) => Value = value;

    public string Value { get; }

    /// <param name="origin">Who acts, e.g. <c>phone</c>, <c>agent</c> (lowercase letters, digits, '-').</param>
    /// <param name="conversationId">The conversation the step belongs to, e.g. the Twilio CallSid.</param>
    /// <param name="step">The step within it, e.g. <c>submit</c>, <c>accept</c> (same alphabet as origin).</param>
    /// <param name="qualifiers">What else tells two operations of the same step apart, e.g. the offer id.</param>
    public static IdempotencyKey For(string origin, string conversationId, string step, params ReadOnlySpan<string> qualifiers)
    {
        RequireSlug(origin, nameof(origin));
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        RequireSlug(step, nameof(step));

        // Length-prefixed, so ("ab","c") and ("a","bc") never collide.
        var material = new StringBuilder();
        foreach (var part in (ReadOnlySpan<string>)[origin, conversationId, step, .. qualifiers])
        {
            ArgumentNullException.ThrowIfNull(part, nameof(qualifiers));
            material.Append(part.Length).Append(':').Append(part).Append('|');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(material.ToString()));
        return new($"{origin}:{step}:{Convert.ToHexStringLower(hash.AsSpan(0, 16))}");
    }

    /// <summary>
    /// A key read back from storage (e.g. a request saved while the API was down, submitted later
    /// with the key it would have had). Accepts only the shape <see cref="For"/> makes.
    /// </summary>
    public static bool TryParse(string? value, out IdempotencyKey key)
    {
        key = default;
        var parts = value?.Split(':');
        if (parts is not [var origin, var step, var hash] || !IsSlug(origin) || !IsSlug(step)
            || hash.Length != 32 || !hash.All(c => c is (>= 'a' and <= 'f') or (>= '0' and <= '9')))
        {
            return false;
        }

        key = new(value!);
        return true;
    }

    public static IdempotencyKey Parse(string value) =>
        TryParse(value, out var key) ? key : throw new FormatException($"'{value}' is not an idempotency key (origin:step:32 hex digits).");

    public override string ToString() => Value;

    private static bool IsSlug(string value) =>
        value.Length is > 0 and <= 40 && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    private static void RequireSlug(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        if (!IsSlug(value))
        {
            throw new ArgumentException($"'{value}' must be 1–40 lowercase letters, digits or '-'.", name);
        }
    }
}
