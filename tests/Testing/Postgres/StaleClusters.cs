using System.Diagnostics;
using System.Globalization;

namespace PhoneBooking.Testing.Postgres;

/// <summary>
/// Clusters left running by a test process that was killed (no ProcessExit): each folder records its
/// owner's process id, and a folder whose owner is gone is stopped and deleted by the next run.
/// </summary>
internal static class StaleClusters
{
    public const string Prefix = "pb-pg-";
    public const string OwnerFile = "owner.pid";

    public static void Clean(PgBinaries bin)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            try
            {
                var ownerFile = Path.Combine(folder, OwnerFile);
                if (!File.Exists(ownerFile)
                    || !int.TryParse(File.ReadAllText(ownerFile), NumberStyles.None, CultureInfo.InvariantCulture, out var owner)
                    || Directory.Exists($"/proc/{owner}"))
                {
                    continue;
                }

                var data = Path.Combine(folder, "data");
                if (File.Exists(Path.Combine(data, "postmaster.pid")))
                {
                    var stop = Environment.IsPrivilegedProcess
                        ? new ProcessStartInfo(PgBinaries.RunUser, ["-u", "postgres", "--", bin.PgCtl, "stop", "-D", data, "-m", "immediate", "-w", "-t", "10"])
                        : new ProcessStartInfo(bin.PgCtl, ["stop", "-D", data, "-m", "immediate", "-w", "-t", "10"]);
                    stop.RedirectStandardOutput = stop.RedirectStandardError = true;
                    using var process = Process.Start(stop);
                    process?.WaitForExit(TimeSpan.FromSeconds(15));
                }

                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
            {
                // Another run's folder, or one being removed right now: not ours to fight over.
            }
        }
    }
}
