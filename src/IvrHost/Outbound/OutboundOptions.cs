using Microsoft.Extensions.Options;

namespace PhoneBooking.IvrHost.Outbound;

/// <summary>
/// Section <c>Outbound</c>: where the line may call and text, and how often (docs/callbacks.md,
/// "Outbound policy"). One policy for calls and texts alike.
/// </summary>
public sealed class OutboundOptions
{
    public const string SectionName = "Outbound";

    public static readonly IReadOnlyList<string> DefaultAllowedCountries = ["CA", "US"];

    /// <summary>ISO country codes the line calls and texts (NANP members only). Null: Canada and the US.</summary>
    public List<string>? AllowedCountries { get; set; }

    /// <summary>Calls and texts to 8XX numbers. Off: a call-back number is a person's phone, and 8XX traffic pumping is a known fraud.</summary>
    public bool AllowTollFree { get; set; }

    /// <summary>Calls started to one number in one day (the line's calendar day), every callback together.</summary>
    public int CallsPerNumberPerDay { get; set; } = 6;

    /// <summary>Callbacks dialled on behalf of one incoming call (a household books a few people; not a hundred numbers).</summary>
    public int CallbacksPerCall { get; set; } = 6;

    /// <summary>Texts to one number in any 24 hours, every call and kind together.</summary>
    public int TextsPerNumberPerDay { get; set; } = 5;

    /// <summary>Texts one call may send (each booking's copy once; a household books a few people).</summary>
    public int TextsPerCall { get; set; } = 5;

    public IReadOnlyList<string> EffectiveAllowedCountries => AllowedCountries is { Count: > 0 } countries ? countries : DefaultAllowedCountries;
}

internal sealed class OutboundOptionsValidator : IValidateOptions<OutboundOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboundOptions options)
    {
        var failures = new List<string>();
        if (options.EffectiveAllowedCountries.Any(c => c is not { Length: 2 } || !c.All(char.IsAsciiLetterUpper)))
        {
            failures.Add($"Outbound:AllowedCountries ({string.Join(", ", options.EffectiveAllowedCountries)}) must be ISO 3166 codes such as CA and US.");
        }

        Range(failures, "CallsPerNumberPerDay", options.CallsPerNumberPerDay, 1, 50);
        Range(failures, "CallbacksPerCall", options.CallbacksPerCall, 1, 50);
        Range(failures, "TextsPerNumberPerDay", options.TextsPerNumberPerDay, 1, 50);
        Range(failures, "TextsPerCall", options.TextsPerCall, 1, 50);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"Outbound:{key} ({value}) must be between {min} and {max}.");
        }
    }
}
