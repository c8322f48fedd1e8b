using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace PhoneBooking.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster from Debian's <c>postgresql</c> package: <c>initdb</c> in a temp
/// folder, <c>pg_ctl</c> on a free loopback port, trust authentication, no fsync (tests need speed, not
/// durability against power loss; commits survive a server crash), torn down at the end. As root the server runs as the <c>postgres</c> user (PostgreSQL
/// refuses root). <see cref="SharedAsync"/> is the one cluster of a test assembly (a fresh database per
/// test class or test on it); tests that stop the server start their own with <see cref="StartNewAsync"/>.
/// A missing package fails loudly, naming it: a PostgreSQL test is never skipped silently.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string Package = "postgresql";

    /// <summary>Sent in every connection string and ignored by trust authentication: tests check it is never printed.</summary>
    public const string Password = "pg-test-secret-7f3a";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(CreateSharedAsync);
    private static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(60);

    private readonly PgBinaries _bin;
    private readonly string _folder;

    private PostgresServer(PgBinaries bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public const string Host = "127.0.0.1";

    public int Port { get; private set; }

    public string DataPath => Path.Combine(_folder, "data");

    /// <summary>The cluster's log (startup failures are quoted from it).</summary>
    public string LogPath => Path.Combine(_folder, "server.log");

    /// <summary>The <c>postgres</c> maintenance database, as the superuser.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    /// <summary>The assembly's cluster: started on first use, stopped when the test process exits.</summary>
    public static Task<PostgresServer> SharedAsync() => Shared.Value;

    /// <summary>A cluster of one's own (to stop and restart it mid-test); dispose it.</summary>
    public static async Task<PostgresServer> StartNewAsync()
    {
        var bin = PgBinaries.Find();
        StaleClusters.Clean(bin);
        var folder = Directory.CreateTempSubdirectory(StaleClusters.Prefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, StaleClusters.OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var server = new PostgresServer(bin, folder, ServiceProcess.FreePort());
        try
        {
            await server.InitAsync();
            await server.StartWithFreshPortAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = "postgres",
        Password = Password,
        Database = database,
    }.ConnectionString;

    /// <summary>A new empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "t")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing whatever is still connected to it.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Kills the server as a crash would (<c>pg_ctl stop -m immediate</c>): clients see their connections drop.</summary>
    public Task StopAsync() => PgCtlAsync("stop", "-D", DataPath, "-m", "immediate", "-w", "-t", "30");

    /// <summary>Starts the stopped server again on the same port and data.</summary>
    public Task StartAsync() => PgCtlAsync("start", "-D", DataPath, "-l", LogPath, "-w", "-t", "30", "-o", ServerOptions());

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(DataPath, "postmaster.pid")))
            {
                await StopAsync();
            }
        }
        finally
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the stale-cluster sweep of the next run.
            }
        }
    }

    private static async Task<PostgresServer> CreateSharedAsync()
    {
        var server = await StartNewAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.TearDownDetached();
        return server;
    }

    /// <summary>
    /// At process exit the test host may be killed at any moment: stop and delete in a shell of its own,
    /// which finishes even if this process does not.
    /// </summary>
    private void TearDownDetached()
    {
        var stop = Environment.IsPrivilegedProcess
            ? $"'{PgBinaries.RunUser}' -u postgres -- '{_bin.PgCtl}' stop -D '{DataPath}' -m immediate -w -t 30"
            : $"'{_bin.PgCtl}' stop -D '{DataPath}' -m immediate -w -t 30";
        var shell = new ProcessStartInfo("/bin/sh", ["-c", $"{stop} >/dev/null 2>&1; rm -rf '{_folder}'"]) { UseShellExecute = false };
        using var process = Process.Start(shell);
        process?.WaitForExit(TimeSpan.FromSeconds(10));
    }

    private async Task InitAsync()
    {
        if (Environment.IsPrivilegedProcess)
        {
            // initdb and postgres refuse to run as root: the folder becomes the postgres user's.
            await RunAsync("chown", "-R", "postgres", _folder);
        }

        await RunAsPostgresAsync(_bin.InitDb, "-D", DataPath, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions");
    }

    private async Task StartWithFreshPortAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                Port = ServiceProcess.FreePort(); // another process took the port between the probe and the bind
            }
        }
    }

    private string ServerOptions() => string.Join(' ',
        $"-p {Port}",
        "-c listen_addresses=127.0.0.1",
        $"-c unix_socket_directories={_folder}",
        "-c fsync=off", // a crash of the server process (pg_ctl stop -m immediate) still keeps every commit: the OS has the WAL

        "-c full_page_writes=off",
        "-c max_connections=400",
        "-c shared_buffers=64MB",
        "-c log_min_messages=warning");

    private async Task PgCtlAsync(params string[] arguments)
    {
        try
        {
            await RunAsPostgresAsync(_bin.PgCtl, arguments);
        }
        catch (InvalidOperationException ex) when (File.Exists(LogPath))
        {
            var log = string.Join('\n', (await File.ReadAllLinesAsync(LogPath)).TakeLast(15));
            throw new InvalidOperationException($"{ex.Message}\nServer log ({LogPath}):\n{log}", ex);
        }
    }

    private static Task RunAsPostgresAsync(string program, params string[] arguments) =>
        Environment.IsPrivilegedProcess
            ? RunAsync(PgBinaries.RunUser, ["-u", "postgres", "--", program, .. arguments])
            : RunAsync(program, arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(CommandLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not finish within {CommandLimit.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}
