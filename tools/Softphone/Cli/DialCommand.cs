using System.CommandLine;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Softphone.Timing;

namespace PhoneBooking.Softphone.Cli;

/// <summary>`dial`: call the line and talk to it from the keyboard.</summary>
internal static class DialCommand
{
    public static Command Create()
    {
        var options = new CallOptions();
        var speak = new Option<bool>("--speak") { Description = "Also speak the prompts aloud through espeak-ng (if installed)" };
        var command = new Command("dial", "Call the line and answer it from the keyboard, as a caller would");
        options.AddTo(command);
        command.Add(speak);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = new ConsoleOutput(parse);
            var espeak = parse.GetValue(speak) ? FindEspeak(output) : null;
            using var engine = new SoftphoneEngine(options.Engine(parse));
            var request = options.Request(parse) with { TimeMode = TimeMode.Real, OnTranscript = entry => output.Entry(entry) };
            output.Line($"[bold]Calling {Spectre.Console.Markup.Escape(request.VoiceUrl.ToString())}[/] [grey](keys 0-9 * #; a letter starts speech; Enter = silence; Esc or Ctrl+C = hang up)[/]");
            var result = await engine.DialAsync(request, new ConsoleCaller(output, ConsoleInput.Create(output), espeak), cancellationToken);
            Summary.Print(output, result);
            if (result.Errors is [{ Code: Platform.TwilioErrors.HttpConnectionFailure }, ..] && result.Transcript.Webhooks.Count == 1)
            {
                output.Line("[yellow]Is the line running? Start it with: dotnet run --project src/IvrHost[/]");
            }

            return 0;
        });
        return command;
    }

    internal static Espeak? FindEspeak(ConsoleOutput output)
    {
        var espeak = Espeak.Find();
        if (espeak is null)
        {
            output.Line("[yellow]espeak-ng is not installed (apt-get install espeak-ng): prompts are printed only.[/]");
        }

        return espeak;
    }
}

internal static class Summary
{
    public static void Print(ConsoleOutput output, CallResult result)
    {
        var webhooks = result.Transcript.Webhooks;
        var latency = webhooks.Count == 0 ? "" :
            $"; {webhooks.Count} requests to the line, mean {webhooks.Average(w => w.Latency.TotalMilliseconds):0} ms, max {webhooks.Max(w => w.Latency.TotalMilliseconds):0} ms";
        var errors = result.Errors.Count == 0 ? "" : $"; [red]{result.Errors.Count} Twilio error(s)[/]";
        output.Line($"[bold]{result.Status}[/] ({result.EndReason}), {result.Duration.TotalSeconds:0} s answered{latency}{errors}");
    }
}
