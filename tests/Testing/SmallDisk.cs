using System.Diagnostics;

namespace PhoneBooking.Testing;

/// <summary>
/// A real, small filesystem (tmpfs) for a data folder, so a test can fill the disk or make it
/// read-only as an operator's disk would be. Needs root (mount), as the PostgreSQL fixture does;
/// without it the test fails loudly rather than pretending.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private const string FillerName = "filler";

    public SmallDisk(int megabytes = 8)
    {
        Path = Directory.CreateTempSubdirectory("small-disk-").FullName;
        Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0700", "tmpfs", Path);
    }

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

    /// <summary>Remounts read-only (as a failing disk is): every file open for writing must be closed first.</summary>
    public void MakeReadOnly() => Run("mount", "-o", "remount,ro", Path);

    public void MakeWritable() => Run("mount", "-o", "remount,rw", Path);

    public void Dispose()
    {
        Run("umount", "-l", Path);
        Directory.Delete(Path);
    }

    private static void Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} could not be started.");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{command} {string.Join(' ', arguments)}` failed ({process.ExitCode}): {error.Trim()}. These tests need root to mount a small tmpfs.");
        }
    }
}
