using System.Globalization;

namespace PhoneBooking.Line.Bench.Surge;

/// <summary>
/// <c>surge --capacity R [--phases 1,2,5,10] [--hold 120] [--speedup 1] [--quick] [--seed 16] [--warm-up 200]
/// [--flood 512] [--flood-seconds 20] [--url http://line/] [--metrics http://i1/,http://i2/] [--auth-token T]
/// [--callback-wait 120] [--keep-data]</c>.
/// <c>--capacity</c>: new calls a second the line carries (1×); each phase offers its multiple of it for
/// <c>--hold</c> seconds. <c>--quick</c>: each phase 15 s, callers 5× faster than people (unless given).
/// </summary>
internal sealed record SurgeOptions(
    double Capacity,
    IReadOnlyList<double> Multiples,
    TimeSpan Hold,
    double Speedup,
    int Seed,
    int WarmUpCalls,
    int FloodConnections,
    TimeSpan FloodLength,
    Uri? Url,
    IReadOnlyList<Uri> MetricsFrom,
    string AuthToken,
    TimeSpan CallbackWait,
    bool KeepData)
{
    public const string Usage = "Usage: surge --capacity R [--phases 1,2,5,10] [--hold SECONDS] [--speedup S] [--quick] [--seed N] [--warm-up W] [--flood CONNECTIONS] [--flood-seconds S] [--url http://host:port/] [--metrics http://instance:port/,…] [--auth-token T] [--callback-wait SECONDS] [--keep-data]";

    public static readonly IReadOnlyList<double> LaunchDayMultiples = [1, 2, 5, 10];

    public static SurgeOptions Parse(string[] args)
    {
        var options = new SurgeOptions(0, LaunchDayMultiples, TimeSpan.FromSeconds(120), 1, 16, 200, 0, TimeSpan.FromSeconds(20), null, [], Softphone.Engine.SoftphoneOptions.LocalAuthToken, TimeSpan.FromSeconds(120), false);
        bool quick = false, holdGiven = false, speedupGiven = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--capacity": options = options with { Capacity = Positive(args, ++i) }; break;
                case "--phases": options = options with { Multiples = [.. Value(args, ++i).Split(',').Select(m => Positive(m, "--phases"))] }; break;
                case "--hold": options = options with { Hold = TimeSpan.FromSeconds(Positive(args, ++i)) }; holdGiven = true; break;
                case "--speedup": options = options with { Speedup = Positive(args, ++i) }; speedupGiven = true; break;
                case "--quick": quick = true; break;
                case "--seed": options = options with { Seed = (int)Positive(args, ++i) }; break;
                case "--warm-up": options = options with { WarmUpCalls = (int)Positive(args, ++i) }; break;
                case "--flood": options = options with { FloodConnections = (int)Positive(args, ++i) }; break;
                case "--flood-seconds": options = options with { FloodLength = TimeSpan.FromSeconds(Positive(args, ++i)) }; break;
                case "--url": options = options with { Url = Address(Value(args, ++i), "--url") }; break;
                case "--metrics": options = options with { MetricsFrom = [.. Value(args, ++i).Split(',').Select(u => Address(u, "--metrics"))] }; break;
                case "--auth-token": options = options with { AuthToken = Value(args, ++i) }; break;
                case "--callback-wait": options = options with { CallbackWait = TimeSpan.FromSeconds(Positive(args, ++i)) }; break;
                case "--keep-data": options = options with { KeepData = true }; break;
                case "--help" or "-h": throw new ArgumentException(Usage);
                default: throw new ArgumentException($"Unknown surge argument '{args[i]}'. {Usage}");
            }
        }

        if (options.Capacity <= 0)
        {
            throw new ArgumentException($"--capacity is needed: the new calls a second this line carries with every goal met (its 1×). {Usage}");
        }

        if (quick)
        {
            options = options with { Hold = holdGiven ? options.Hold : TimeSpan.FromSeconds(15), Speedup = speedupGiven ? options.Speedup : 5 };
        }

        return options;
    }

    private static string Value(string[] args, int index) =>
        index < args.Length ? args[index] : throw new ArgumentException($"'{args[index - 1]}' needs a value. {Usage}");

    private static double Positive(string[] args, int index) => Positive(Value(args, index), args[index - 1]);

    private static double Positive(string text, string option) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"'{option}' needs a number above 0, not '{text}'.");

    private static Uri Address(string text, string option) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? new Uri(url.GetLeftPart(UriPartial.Authority) + "/")
            : throw new ArgumentException($"{option} takes base addresses like http://127.0.0.1:5080/, not '{text}'.");
}
