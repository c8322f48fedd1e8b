using System.CommandLine;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Softphone.Timing;

namespace PhoneBooking.Softphone.Cli;

/// <summary>`script file`: run a scripted call and print its transcript; exit 0 when the script passes.</summary>
internal static class ScriptCommand
{
    public static Command Create()
    {
        var options = new CallOptions();
        var file = new Argument<FileInfo>("file") { Description = "The script: expect \"…\" [within 10s], press 123#, say \"…\", silence, hangup, expect-hangup" };
        var realTime = new Option<bool>("--real-time") { Description = "Let pauses and timeouts really pass (default: virtual time, no waiting)" };
        var command = new Command("script", "Run a scripted call against the line and print the transcript with timings");
        command.Add(file);
        options.AddTo(command);
        command.Add(realTime);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = new ConsoleOutput(parse);
            CallScript script;
            try
            {
                script = CallScript.Parse(await File.ReadAllTextAsync(parse.GetValue(file)!.FullName, cancellationToken));
            }
            catch (Exception exception) when (exception is FormatException or IOException)
            {
                output.Line($"[red]{Spectre.Console.Markup.Escape(exception.Message)}[/]");
                return 2;
            }

            using var engine = new SoftphoneEngine(options.Engine(parse));
            var request = options.Request(parse) with
            {
                TimeMode = parse.GetValue(realTime) ? TimeMode.Real : TimeMode.Virtual,
                OnTranscript = entry => output.Entry(entry),
            };
            var run = await engine.RunScriptAsync(request, script, cancellationToken);
            Summary.Print(output, run.Call);
            output.Line(run.Passed ? "[bold green]script passed[/]" : $"[bold red]{Spectre.Console.Markup.Escape(run.Verdict.ToString())}[/]");
            return run.Passed ? 0 : 1;
        });
        return command;
    }
}
