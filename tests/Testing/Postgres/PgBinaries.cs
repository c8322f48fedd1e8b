using System.Globalization;

namespace PhoneBooking.Testing.Postgres;

/// <summary>Where Debian's <c>postgresql</c> package put <c>initdb</c> and <c>pg_ctl</c> (any major version, newest first).</summary>
internal sealed record PgBinaries(string InitDb, string PgCtl)
{
    /// <summary>Overrides the search: a folder holding initdb and pg_ctl.</summary>
    public const string BinEnvironmentVariable = "PHONEBOOKING_PG_BIN";

    private static readonly string[] RunUserPaths = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"];

    /// <summary>util-linux's runuser: runs the server as the postgres user when the tests run as root.</summary>
    public static string RunUser => RunUserPaths.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Tests run as root, and runuser (util-linux) is missing: PostgreSQL must run as the 'postgres' user.");

    public static PgBinaries Find()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable(BinEnvironmentVariable) is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        foreach (var folder in candidates)
        {
            var initDb = Path.Combine(folder, "initdb");
            var pgCtl = Path.Combine(folder, "pg_ctl");
            if (File.Exists(initDb) && File.Exists(pgCtl))
            {
                return new PgBinaries(initDb, pgCtl);
            }
        }

        throw new InvalidOperationException(
            $"PostgreSQL tests need initdb and pg_ctl from Debian's '{PostgresServer.Package}' package: apt-get install -y {PostgresServer.Package} " +
            $"(searched /usr/lib/postgresql/*/bin, PATH and ${BinEnvironmentVariable}).");
    }
}
