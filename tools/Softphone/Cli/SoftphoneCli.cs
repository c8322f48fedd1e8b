using System.CommandLine;

namespace PhoneBooking.Softphone.Cli;

/// <summary>The command line: `dial` the line, run a `script`, or stand in for the REST API (`cloud`).</summary>
internal static class SoftphoneCli
{
    /// <summary>Runs the softphone as `dotnet run --project tools/Softphone -- args` does; output goes to <paramref name="output"/> (default: the terminal).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter? output = null, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("PhoneBooking softphone: calls the line exactly as Twilio would")
        {
            DialCommand.Create(),
            ScriptCommand.Create(),
            CloudCommand.Create(),
        };
        var invocation = new InvocationConfiguration();
        if (output is not null)
        {
            invocation.Output = output;
            invocation.Error = output;
        }

        return root.Parse(args).InvokeAsync(invocation, cancellationToken);
    }
}
