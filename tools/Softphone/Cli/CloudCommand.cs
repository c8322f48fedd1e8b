using System.CommandLine;
using PhoneBooking.Softphone.Callers;
using PhoneBooking.Softphone.Cloud;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Softphone.Timing;
using Markup = Spectre.Console.Markup;

namespace PhoneBooking.Softphone.Cli;

/// <summary>`cloud`: Twilio's REST API on loopback; calls the line places ring this terminal, SMS are printed.</summary>
internal static class CloudCommand
{
    public const int DefaultPort = 5081;

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1", DefaultValueFactory = _ => DefaultPort };
        var answer = new Option<string>("--answer")
        {
            Description = "How the softphone answers calls: ask, human (you, at the keyboard), listen (a silent person), machine, no-answer, busy",
            DefaultValueFactory = _ => Console.IsInputRedirected ? "listen" : "ask",
        };
        answer.AcceptOnlyFromAmong("ask", "human", "listen", "machine", "no-answer", "busy");
        var speak = new Option<bool>("--speak") { Description = "Speak the prompts through espeak-ng (if installed)" };
        var authToken = CallOptions.AuthTokenOption();
        var accountSid = CallOptions.AccountSidOption();
        var command = new Command("cloud", "Stand in for Twilio's REST API (Calls.json, call update, Messages.json) on loopback");
        foreach (var option in new Option[] { port, answer, speak, authToken, accountSid })
        {
            command.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = new ConsoleOutput(parse);
            using var phone = new TerminalPhone(output, parse.GetValue(answer)!, parse.GetValue(speak) ? DialCommand.FindEspeak(output) : null);
            using var engine = new SoftphoneEngine(new SoftphoneOptions { AuthToken = parse.GetValue(authToken)!, AccountSid = parse.GetValue(accountSid)! });
            await using var cloud = await LocalTwilioCloud.StartAsync(engine, new CloudSettings
            {
                Port = parse.GetValue(port),
                TimeMode = TimeMode.Real,
                AnswerPolicy = phone.AnswerAsync,
                OnTranscript = (sid, entry) => output.Entry(entry, $"{sid[..8]}… "),
                OnMessage = message => output.Line($"[bold yellow]SMS {Markup.Escape(message.Sid)} from {Markup.Escape(message.From)} to {Markup.Escape(message.To)}:[/] {Markup.Escape(message.Body)}"),
            }, cancellationToken);
            output.Line($"[bold]Twilio REST API stand-in on {cloud.BaseUrl}[/] (set Twilio:ApiBaseUrl to it; AccountSid {engine.Options.AccountSid}). Ctrl+C stops.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            return 0;
        });
        return command;
    }

    /// <summary>One phone, one call at a time: a second call while you are on one gets a busy line.</summary>
    private sealed class TerminalPhone(ConsoleOutput output, string mode, Espeak? espeak) : IDisposable
    {
        private readonly SemaphoreSlim _line = new(1, 1);
        private readonly ConsoleInput _input = ConsoleInput.Create(output);

        public async ValueTask<AnswerPlan> AnswerAsync(OutboundCallRequest call, CancellationToken cancellationToken)
        {
            var choice = mode;
            if (mode is "ask" or "human")
            {
                if (!await _line.WaitAsync(0, cancellationToken))
                {
                    return AnswerPlan.Busy;
                }

                choice = mode == "ask" ? await AskAsync(call, cancellationToken) : "human";
                if (choice != "human")
                {
                    _line.Release();
                }
            }

            return choice switch
            {
                "human" => AnswerPlan.Human(new ReleasingCaller(new ConsoleCaller(output, _input, espeak), _line)),
                "listen" => AnswerPlan.Human(),
                "machine" => AnswerPlan.Machine(),
                "busy" => AnswerPlan.Busy,
                _ => AnswerPlan.NoAnswer,
            };
        }

        public void Dispose() => _line.Dispose();

        private async Task<string> AskAsync(OutboundCallRequest call, CancellationToken cancellationToken)
        {
            output.Inline($"[bold yellow]Incoming call from {Markup.Escape(call.From)} to {Markup.Escape(call.To)}: 1 answer, 2 voicemail, 3 busy, anything else ignores (30 s): [/]");
            var key = await _input.ReadAsync(TimeSpan.FromSeconds(30), cancellationToken);
            output.Line("");
            return key switch
            {
                KeyInput { Key: '1' } => "human",
                KeyInput { Key: '2' } => "machine",
                KeyInput { Key: '3' } => "busy",
                _ => "no-answer",
            };
        }
    }

    /// <summary>Frees the terminal's line when the call it answered ends.</summary>
    private sealed class ReleasingCaller(ICaller inner, SemaphoreSlim line) : ICaller
    {
        public ValueTask<CallerReaction> HearAsync(Heard heard, CallTimeline timeline, CancellationToken cancellationToken) =>
            inner.HearAsync(heard, timeline, cancellationToken);

        public ValueTask<TimedInput?> InputBeforeAsync(DateTimeOffset until, CallTimeline timeline, CancellationToken cancellationToken) =>
            inner.InputBeforeAsync(until, timeline, cancellationToken);

        public ValueTask<CallerInput> NextInputAsync(InputRequest request, CallTimeline timeline, CancellationToken cancellationToken) =>
            inner.NextInputAsync(request, timeline, cancellationToken);

        public async ValueTask CallEndedAsync(Calls.CallEnding ending, CallTimeline timeline, CancellationToken cancellationToken)
        {
            line.Release();
            await inner.CallEndedAsync(ending, timeline, cancellationToken);
        }
    }
}
