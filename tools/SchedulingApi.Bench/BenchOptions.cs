using System.Globalization;

namespace PhoneBooking.SchedulingApi.Bench;

/// <summary>
/// Command line: <c>--requests 100000 --concurrency 64 --status-samples 20000 --instances 2 --postgres "Host=…" --keep-data</c>.
/// <c>--instances N</c>: N API instances in this process on one store (one SQLite file, or one PostgreSQL database),
/// clients spread over them, every instance's matcher draining at once. <c>--postgres</c>: that database (emptied
/// first: the bench owns it) instead of a fresh SQLite file.
/// </summary>
internal sealed record BenchOptions(int Requests, int Concurrency, int StatusSamples, bool KeepData, int Instances = 1, string? Postgres = null)
{
    private const string Usage = "Usage: [--requests N] [--concurrency C] [--status-samples S] [--instances I] [--postgres CONNECTION-STRING] [--keep-data]";

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
                "--instances" => options with { Instances = Number(args, ++i) },
                "--postgres" => options with { Postgres = ++i < args.Length ? args[i] : throw new ArgumentException($"--postgres needs an Npgsql connection string. {Usage}") },
                "--keep-data" => options with { KeepData = true },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}"),
            };
        }

        return options;
    }

    public string StoreName => Postgres is null ? "SQLite" : "PostgreSQL";

    private static int Number(string[] args, int index) =>
        index < args.Length && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"'{args[index - 1]}' needs a positive whole number.");
}
