using PhoneBooking.IvrHost.Storage;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Integrity;

namespace PhoneBooking.IvrHost.Reconciliation;

/// <summary><c>dotnet run --project src/IvrHost -- reconcile [settings]</c>: the line's callbacks and deferred requests checked (<see cref="ReconcileRunner"/>).</summary>
public static class LineReconcileCommand
{
    private static readonly ReconcileTarget Line = new(
        LineStorage.SqliteFileName,
        services => $"phone-line ({services.GetRequiredService<IDatabase>().Description})",
        (services, cancellationToken) => new LineReconciler(services.GetRequiredService<IDatabase>()).RunAsync(cancellationToken));

    /// <summary>Runs the command when <paramref name="args"/> start with it; null otherwise. Only the line's storage is built.</summary>
    public static Task<int?> TryRunAsync(string[] args, TextWriter output, TextWriter error) =>
        ReconcileRunner.TryRunAsync(args, Line, settings =>
        {
            var builder = WebApplication.CreateBuilder(settings);
            builder.Services.AddLineStorage(builder.Configuration);
            return builder.Build();
        }, output, error);

    public static Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter error) =>
        ReconcileRunner.RunAsync(services, Line, output, error);
}
