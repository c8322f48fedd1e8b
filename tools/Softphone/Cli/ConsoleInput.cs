using System.Threading.Channels;
using PhoneBooking.Softphone.Callers;

namespace PhoneBooking.Softphone.Cli;

/// <summary>
/// A person's input at the terminal. On a real keyboard each key is a DTMF press the moment it is typed
/// (so Twilio's timeouts between keys hold); a letter starts typed speech, finished with Enter. Enter alone
/// stays silent, Esc hangs up. With redirected input, each line is keys, speech, an empty line (silence) or
/// "hangup".
/// </summary>
internal abstract class ConsoleInput
{
    public static ConsoleInput Create(ConsoleOutput output) =>
        Console.IsInputRedirected ? new LineInput() : new KeyboardInput(output);

    public abstract Task<CallerInput> ReadAsync(TimeSpan timeout, CancellationToken cancellationToken);

    private sealed class KeyboardInput(ConsoleOutput output) : ConsoleInput
    {
        public override async Task<CallerInput> ReadAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            var deadline = DateTimeOffset.UtcNow + timeout;
            while (true)
            {
                while (Console.KeyAvailable)
                {
                    var key = Console.ReadKey(intercept: true);
                    switch (key.Key)
                    {
                        case ConsoleKey.Escape:
                            return CallerInput.HangUp;
                        case ConsoleKey.Enter:
                            return CallerInput.Silence;
                    }

                    if (CallerInput.IsKey(key.KeyChar))
                    {
                        output.Inline(key.KeyChar.ToString());
                        return CallerInput.Press(key.KeyChar);
                    }

                    if (char.IsLetter(key.KeyChar))
                    {
                        output.Inline(key.KeyChar.ToString());
                        var rest = await Task.Run(Console.ReadLine, cancellationToken);
                        return CallerInput.Speech(key.KeyChar + rest);
                    }
                }

                if (DateTimeOffset.UtcNow >= deadline)
                {
                    return CallerInput.Silence;
                }

                await Task.Delay(25, cancellationToken);
            }
        }
    }

    private sealed class LineInput : ConsoleInput
    {
        private readonly Channel<string?> _lines = Channel.CreateUnbounded<string?>();
        private readonly Queue<char> _keys = new();

        public LineInput() => _ = Task.Run(PumpAsync);

        public override async Task<CallerInput> ReadAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (_keys.Count > 0)
            {
                return CallerInput.Press(_keys.Dequeue());
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(timeout);
            string? line;
            try
            {
                line = await _lines.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return CallerInput.Silence;
            }

            var text = line?.Trim();
            switch (text)
            {
                case null or "hangup":
                    return CallerInput.HangUp;
                case "":
                    return CallerInput.Silence;
            }

            if (!text.All(CallerInput.IsKey))
            {
                return CallerInput.Speech(text);
            }

            foreach (var key in text)
            {
                _keys.Enqueue(key);
            }

            return CallerInput.Press(_keys.Dequeue());
        }

        private async Task PumpAsync()
        {
            while (true)
            {
                var line = await Console.In.ReadLineAsync();
                await _lines.Writer.WriteAsync(line);
                if (line is null)
                {
                    return;
                }
            }
        }
    }
}
