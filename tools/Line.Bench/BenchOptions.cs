using System.Globalization;

namespace PhoneBooking.Line.Bench;

/// <summary>
/// Command line: <c>--calls 1000 --concurrency 1000 --warm-up 3000 --speedup 20 --url http://127.0.0.1:5080/ --auth-token T --keep-data</c>.
/// Without <c>--speedup</c> callers never pause (virtual time): every call is always at a webhook, the line's
/// throughput limit. With it, they listen and press keys as people do, <c>S</c> times faster, starting at
/// random moments over one call's length: the latency of a line carrying that many calls.
/// </summary>
/// <c>--cpu-of PID,PID</c> (with <c>--url</c>): the line processes behind the URL, whose CPU time per webhook is reported.
internal sealed record BenchOptions(int Calls, int Concurrency, int WarmUpCalls, double Speedup, Uri? Url, string AuthToken, bool KeepData, IReadOnlyList<int>? CpuOf = null)
{
    private const string Usage = "Usage: [--calls N] [--concurrency C] [--warm-up W] [--speedup S] [--url http://host:port/] [--auth-token T] [--cpu-of PID,PID] [--keep-data]";

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(1_000, 0, 3_000, 0, null, Softphone.Engine.SoftphoneOptions.LocalAuthToken, false);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--calls" or "-n" => options with { Calls = Number(args, ++i) },
                "--concurrency" or "-c" => options with { Concurrency = Number(args, ++i) },
                "--warm-up" => options with { WarmUpCalls = Number(args, ++i) },
                "--speedup" => options with { Speedup = Number(args, ++i) },
                "--url" => options with { Url = Address(args, ++i) },
                "--auth-token" => options with { AuthToken = Value(args, ++i) },
                "--keep-data" => options with { KeepData = true },
                "--cpu-of" => options with { CpuOf = Value(args, ++i).Split(',').Select(pid => int.Parse(pid, NumberStyles.None, CultureInfo.InvariantCulture)).ToList() },
                "--help" or "-h" => throw new ArgumentException(Usage),
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}"),
            };
        }

        // Default: every call at once, as a surge of callers dialling in.
        return options.Concurrency == 0 ? options with { Concurrency = options.Calls } : options;
    }

    private static string Value(string[] args, int index) =>
        index < args.Length ? args[index] : throw new ArgumentException($"'{args[index - 1]}' needs a value. {Usage}");

    private static int Number(string[] args, int index) =>
        int.TryParse(Value(args, index), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"'{args[index - 1]}' needs a positive whole number, not '{args[index]}'.");

    private static Uri Address(string[] args, int index) =>
        Uri.TryCreate(Value(args, index), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? new Uri(url.GetLeftPart(UriPartial.Authority) + "/")
            : throw new ArgumentException($"--url must be the line's base address, like http://127.0.0.1:5080/, not '{args[index]}'.");
}
