using Microsoft.Extensions.Options;

namespace PhoneBooking.IvrHost.Storage;

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private static readonly string[] SynchronousModes = ["Normal", "Full"];

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory) || options.DataDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"Storage:DataDirectory '{options.DataDirectory}' must name a folder.");
        }

        if (!SynchronousModes.Contains(options.Synchronous, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"Storage:Synchronous '{options.Synchronous}' must be one of: {string.Join(", ", SynchronousModes)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
