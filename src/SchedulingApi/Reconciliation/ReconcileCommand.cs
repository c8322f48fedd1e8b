using Microsoft.Extensions.Options;
using Npgsql;
using PhoneBooking.SchedulingApi.Storage;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Integrity;
using PhoneBooking.Storage.Postgres;

namespace PhoneBooking.SchedulingApi.Reconciliation;

/// <summary><c>dotnet run --project src/SchedulingApi -- reconcile [settings]</c>: places, offers, bookings and events checked (<see cref="ReconcileRunner"/>).</summary>
public static class ReconcileCommand
{
    private static readonly ReconcileTarget Api = new(
        SchedulingStorage.SqliteFileName,
        Describe,
        (services, cancellationToken) => ActivatorUtilities.CreateInstance<SchedulingReconciler>(services).RunAsync(cancellationToken));

    /// <summary>Runs the command when <paramref name="args"/> start with it; null otherwise. The API is built as it would open its database, never started.</summary>
    public static Task<int?> TryRunAsync(string[] args, TextWriter output, TextWriter error) =>
        ReconcileRunner.TryRunAsync(args, Api, settings => SchedulingApiApp.Create(settings), output, error);

    public static Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter error) =>
        ReconcileRunner.RunAsync(services, Api, output, error);

    private static string Describe(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return options.ProviderKind == StorageProvider.Postgres
            ? $"scheduling-api (PostgreSQL {PostgresEndpoint.Describe(new NpgsqlConnectionStringBuilder(options.PostgresConnectionString))})"
            : $"scheduling-api (SQLite {Path.Combine(Path.GetFullPath(options.DataDirectory, services.GetRequiredService<IHostEnvironment>().ContentRootPath), SchedulingStorage.SqliteFileName)})";
    }
}
