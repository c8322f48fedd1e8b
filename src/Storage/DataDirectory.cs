using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PhoneBooking.Storage;

/// <summary>
/// The resolved data folder (<c>Storage:DataDirectory</c> against the content root), created on first
/// use readable by this user only (0700): it holds personal data and key files. A folder that already
/// exists keeps its mode: it may be shared, and tightening someone else's folder could break them.
/// </summary>
public sealed class DataDirectory
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public DataDirectory(IOptions<StorageOptions> options, IHostEnvironment environment)
        : this(System.IO.Path.GetFullPath(options.Value.DataDirectory, environment.ContentRootPath))
    {
    }

    public DataDirectory(string path)
    {
        Path = path;
        try
        {
            if (!Directory.Exists(path))
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(path);
                }
                else
                {
                    Directory.CreateDirectory(path, FolderMode);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageStartupException($"The data folder '{path}' (Storage:DataDirectory) could not be created: {ex.Message}", ex);
        }
    }

    public string Path { get; }

    public string File(string fileName) => System.IO.Path.Combine(Path, fileName);
}
