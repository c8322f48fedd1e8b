namespace PhoneBooking.IvrHost.Storage;

/// <summary>
/// Section <c>Storage</c>: where the line keeps its files. The embedded scheduling API reads the
/// same section, so one setting moves every file of the process.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Folder of the SQLite files and the caller-key secret; relative paths resolve against the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// SQLite <c>synchronous</c> mode: <c>Normal</c> (WAL's usual choice) survives a process crash;
    /// <c>Full</c> also survives power loss, at one fsync per commit.
    /// </summary>
    public string Synchronous { get; set; } = "Normal";
}
