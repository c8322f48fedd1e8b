using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PhoneBooking.Storage;

/// <summary>
/// The resolved data folder (<c>Storage:DataDirectory</c> against the content root), created when the
/// first file in it is asked for (<see cref="File"/>), readable by this user only (0700): it holds
/// personal data and key files. Never before: on PostgreSQL a process writes no local files, and an
/// empty folder would say otherwise. A folder that already exists keeps its mode: it may be shared, and
/// tightening someone else's folder could break them.
/// </summary>
public sealed class DataDirectory
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public DataDirectory(IOptions<StorageOptions> options, IHostEnvironment environment)
        : this(System.IO.Path.GetFullPath(options.Value.DataDirectory, environment.ContentRootPath))
    {
    }

    public DataDirectory(string path) => Path = path;

    /// <summary>Where the folder is (or will be): reading it creates nothing.</summary>
    public string Path { get; }

    /// <summary>A file in the folder, which is created first if it does not exist yet.</summary>
    public string File(string fileName)
    {
        EnsureCreated();
        return System.IO.Path.Combine(Path, fileName);
    }

    private void EnsureCreated()
    {
        var path = Path;
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
}
