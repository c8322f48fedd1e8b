using System.Globalization;

namespace PhoneBooking.SchedulingApi.Bench;

/// <summary>Command line: <c>--requests 100000 --concurrency 64 --status-samples 20000 --keep-data</c>.</summary>
internal sealed record BenchOptions(int Requests, int Concurrency, int StatusSamples, bool KeepData)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(100_000, 64, 20_000, false);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--requests" or "-n" => options with { Requests = Number(args, ++i) },
                "--concurrency" or "-c" => options with { Concurrency = Number(args, ++i) },
                "--status-samples" => options with { StatusSamples = Number(args, ++i) },
                "--keep-data" => options with { KeepData = true },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: [--requests N] [--concurrency C] [--status-samples S] [--keep-data]"),
            };
        }

        return options;
    }

    private static int Number(string[] args, int index) =>
        index < args.Length && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"'{args[index - 1]}' needs a positive whole number.");
}
