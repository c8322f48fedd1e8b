using System.Diagnostics;

namespace PhoneBooking.Operations.Tests.Support;

/// <summary>A command-line tool from Debian's packages, run to completion.</summary>
internal sealed record ToolRun(int ExitCode, string Output)
{
    public static async Task<ToolRun> RunAsync(string executable, IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? limit = null)
    {
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{executable} is missing: apt-get install -y prometheus (./test.sh installs it).");
        }

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{executable} {string.Join(' ', arguments)} did not finish within {limit ?? TimeSpan.FromMinutes(2)}.");
        }

        return new ToolRun(process.ExitCode, await output + await error);
    }
}

/// <summary>Debian's <c>promtool</c> (package <c>prometheus</c>).</summary>
internal static class Promtool
{
    public const string Path = "/usr/bin/promtool";

    public static Task<ToolRun> RunAsync(params string[] arguments) => ToolRun.RunAsync(Path, arguments, Repository.Root);
}
