using Microsoft.Extensions.Options;

namespace PhoneBooking.IvrHost.Storage;

/// <summary>The resolved, existing data folder (created on first use).</summary>
public sealed class DataDirectory
{
    public DataDirectory(IOptions<StorageOptions> options, IHostEnvironment environment)
        : this(System.IO.Path.GetFullPath(options.Value.DataDirectory, environment.ContentRootPath))
    {
    }

    internal DataDirectory(string path)
    {
        Path = path;
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string fileName) => System.IO.Path.Combine(Path, fileName);
}
