using Microsoft.Extensions.Options;

namespace PhoneBooking.IvrHost.Deferred;

/// <summary>Section <c>Deferred</c>: how requests saved while the scheduling API was down are sent once it is back.</summary>
public sealed class DeferredOptions
{
    public const string SectionName = "Deferred";

    /// <summary>How often pending requests are tried when nothing else wakes the submitter (the backend's return does, at once).</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests read from the store at a time.</summary>
    public int BatchSize { get; set; } = 50;
}

internal sealed class DeferredOptionsValidator : IValidateOptions<DeferredOptions>
{
    public ValidateOptionsResult Validate(string? name, DeferredOptions options)
    {
        var failures = new List<string>();
        if (options.RetryInterval < TimeSpan.FromSeconds(1) || options.RetryInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"Deferred:RetryInterval ({options.RetryInterval}) must be between 00:00:01 and 01:00:00.");
        }

        if (options.BatchSize is < 1 or > 1000)
        {
            failures.Add($"Deferred:BatchSize ({options.BatchSize}) must be between 1 and 1000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
