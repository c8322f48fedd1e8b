using PhoneBooking.SchedulingApi.Api;

namespace PhoneBooking.SchedulingApi.Storage;

public sealed class StorageOptions : IValidatableOptions
{
    public const string SectionName = "Storage";
    public const string DatabaseFileName = "scheduling.db";

    /// <summary>Folder of the SQLite file; relative paths are resolved against the content root.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>
    /// SQLite <c>synchronous</c> mode. <c>Normal</c> (WAL's usual choice) survives a process crash;
    /// <c>Full</c> also survives power loss at the cost of one fsync per commit.
    /// </summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Normal;

    /// <summary>How long a write waits for the single writer before giving up with 503 (overload, not a hang).</summary>
    public int WriterWaitSeconds { get; set; } = 15;

    public IEnumerable<string> Validate()
    {
        if (WriterWaitSeconds is < 1 or > 300)
        {
            yield return $"Storage:WriterWaitSeconds must be between 1 and 300, not {WriterWaitSeconds}.";
        }

        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            yield return $"Storage:DataDirectory must name a folder, not '{DataDirectory}'.";
        }
    }
}

/// <summary>The database could not take a write in time; answered 503 with Retry-After.</summary>
public sealed class StorageBusyException(string message) : Exception(message);

public enum SqliteSynchronousMode
{
    Normal,
    Full,
}
