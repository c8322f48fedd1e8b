using PhoneBooking.Softphone.Transcripts;
using System.CommandLine;
using Spectre.Console;

namespace PhoneBooking.Softphone.Cli;

/// <summary>The terminal: transcript lines in colour, and the input prompt, without tangling the two.</summary>
internal sealed class ConsoleOutput
{
    private readonly Lock _gate = new();
    private readonly IAnsiConsole _console;
    private bool _midLine;

    /// <summary>Writes where the command line's invocation says (the terminal, or a test's writer).</summary>
    public ConsoleOutput(ParseResult parse)
    {
        var writer = parse.InvocationConfiguration.Output;
        _console = ReferenceEquals(writer, Console.Out)
            ? AnsiConsole.Console
            : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        if (Console.IsOutputRedirected || !ReferenceEquals(writer, Console.Out))
        {
            // Piped to a file or a test log: no wrapping at 80 columns.
            _console.Profile.Width = 240;
        }
    }

    public void Entry(TranscriptEntry entry, string? prefix = null)
    {
        var style = entry.Kind switch
        {
            TranscriptKind.Say => "bold deepskyblue1",
            TranscriptKind.Play => "mediumpurple1",
            TranscriptKind.Input => "green",
            TranscriptKind.Error => "bold red",
            TranscriptKind.Warning => "yellow",
            TranscriptKind.Request or TranscriptKind.Response or TranscriptKind.StatusCallback => "grey",
            TranscriptKind.Call or TranscriptKind.Hangup or TranscriptKind.Reject => "bold",
            _ => "default",
        };
        Line($"[{style}]{Markup.Escape((prefix ?? "") + entry)}[/]");
    }

    public void Line(string markup)
    {
        lock (_gate)
        {
            if (_midLine)
            {
                _console.WriteLine();
                _midLine = false;
            }

            _console.MarkupLine(markup);
        }
    }

    /// <summary>Starts or continues a line the person types on (a prompt, then the keys they press).</summary>
    public void Inline(string markup)
    {
        lock (_gate)
        {
            _console.Markup(markup);
            _midLine = true;
        }
    }
}
