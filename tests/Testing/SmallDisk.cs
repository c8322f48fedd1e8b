using System.Diagnostics;

namespace PhoneBooking.Testing;

/// <summary>
/// A real, small filesystem (tmpfs) for a data folder, so a test can fill the disk or make it
/// read-only as an operator's disk would be. Needs root (CAP_SYS_ADMIN, to mount): tests using it are
/// <see cref="SmallDiskFactAttribute"/>s.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private const string FillerName = "filler";

    private static readonly Lazy<string?> MountRefusal = new(ProbeMount);

    public SmallDisk(int megabytes = 8)
    {
        Path = Directory.CreateTempSubdirectory("small-disk-").FullName;
        Mount(Path, megabytes);
    }

    /// <summary>Why this process cannot mount a tmpfs (not root), or null when it can.</summary>
    public static string? CannotMount => MountRefusal.Value;

    public string Path { get; }

    /// <summary>Writes until the disk refuses: no space left for anything.</summary>
    public void Fill()
    {
        using var filler = new FileStream(System.IO.Path.Combine(Path, FillerName), FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0);
        var block = new byte[64 * 1024];
        try
        {
            while (true)
            {
                filler.Write(block);
                filler.Flush(flushToDisk: true);
            }
        }
        catch (IOException)
        {
            // ENOSPC: full. Top up the last partial block byte by byte.
        }

        try
        {
            while (true)
            {
                filler.WriteByte(0);
                filler.Flush(flushToDisk: true);
            }
        }
        catch (IOException)
        {
            // Full to the last byte.
        }
    }

    public void Free() => File.Delete(System.IO.Path.Combine(Path, FillerName));

    /// <summary>
    /// Remounts read-only, as a failing disk is. The kernel refuses ("mount point is busy") while any file is open
    /// for writing, and a running host opens its databases again at any moment (pools, background loops): so
    /// <paramref name="closeWriters"/> (e.g. SqliteConnection.ClearAllPools) runs before each try, until a moment
    /// with no writer comes (bounded by real time, as a guard only).
    /// </summary>
    public void MakeReadOnly(Action closeWriters)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            closeWriters();
            var (exitCode, error) = Exec("mount", "-o", "remount,ro", Path);
            if (exitCode == 0)
            {
                return;
            }

            if (!error.Contains("busy", StringComparison.OrdinalIgnoreCase) || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw Failure($"mount -o remount,ro {Path}", exitCode, error);
            }

            Thread.Sleep(10);
        }
    }

    public void MakeWritable() => Run("mount", "-o", "remount,rw", Path);

    public void Dispose()
    {
        Run("umount", "-l", Path);
        Directory.Delete(Path);
    }

    private static void Mount(string path, int megabytes) =>
        Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0700", "tmpfs", path);

    private static string? ProbeMount()
    {
        var probe = Directory.CreateTempSubdirectory("small-disk-probe-").FullName;
        try
        {
            var (exitCode, error) = Exec("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", probe);
            if (exitCode != 0)
            {
                return $"`mount -t tmpfs` failed ({exitCode}): {error}";
            }

            Run("umount", probe);
            return null;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"`mount` could not be started: {e.Message}";
        }
        finally
        {
            Directory.Delete(probe);
        }
    }

    private static void Run(string command, params string[] arguments)
    {
        var (exitCode, error) = Exec(command, arguments);
        if (exitCode != 0)
        {
            throw Failure($"{command} {string.Join(' ', arguments)}", exitCode, error);
        }
    }

    private static InvalidOperationException Failure(string commandLine, int exitCode, string error) =>
        new($"`{commandLine}` failed ({exitCode}): {error}");

    private static (int ExitCode, string Error) Exec(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} could not be started.");
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error.Trim());
    }
}
