using System.Globalization;

namespace PhoneBooking.Line.Bench;

/// <summary>CPU time of line processes running apart from the bench (<c>--cpu-of</c>), read from /proc: user + system.</summary>
internal static class LineProcesses
{
    // /proc/<pid>/stat counts in clock ticks; Linux's USER_HZ is 100 on every mainstream architecture.
    private const double TicksPerSecond = 100;

    public static TimeSpan CpuTime(IReadOnlyList<int>? pids) =>
        pids is null ? TimeSpan.Zero : TimeSpan.FromSeconds(pids.Sum(Ticks) / TicksPerSecond);

    private static long Ticks(int pid)
    {
        // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
