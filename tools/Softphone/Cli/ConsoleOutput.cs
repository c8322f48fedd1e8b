using PhoneBooking.Softphone.Transcripts;
using Spectre.Console;

namespace PhoneBooking.Softphone.Cli;

/// <summary>The terminal: transcript lines in colour, and the input prompt, without tangling the two.</summary>
internal sealed class ConsoleOutput
{
    private readonly Lock _gate = new();
    private bool _midLine;

    public ConsoleOutput()
    {
        if (Console.IsOutputRedirected)
        {
            // Piped to a file or a test log: no wrapping at 80 columns.
            AnsiConsole.Profile.Width = 240;
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
                AnsiConsole.WriteLine();
                _midLine = false;
            }

            AnsiConsole.MarkupLine(markup);
        }
    }

    /// <summary>Starts or continues a line the person types on (a prompt, then the keys they press).</summary>
    public void Inline(string markup)
    {
        lock (_gate)
        {
            AnsiConsole.Markup(markup);
            _midLine = true;
        }
    }
}
