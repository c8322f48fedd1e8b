using Microsoft.Extensions.Options;

namespace PhoneBooking.IvrHost.EmbeddedApi;

/// <summary>Section <c>EmbeddedApi</c>: the reference scheduling API the line starts when no <c>Scheduling:BaseUrl</c> is set.</summary>
public sealed class EmbeddedApiOptions
{
    public const string SectionName = "EmbeddedApi";

    /// <summary>Loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; set; }
}

internal sealed class EmbeddedApiOptionsValidator : IValidateOptions<EmbeddedApiOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddedApiOptions options) =>
        options.Port is >= 0 and <= 65535
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"EmbeddedApi:Port '{options.Port}' must be between 0 (any free port) and 65535.");
}
