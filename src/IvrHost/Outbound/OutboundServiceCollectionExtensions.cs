using Dapper;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PhoneBooking.IvrHost.Hosting;
using PhoneBooking.IvrHost.Sessions.Sqlite;

namespace PhoneBooking.IvrHost.Outbound;

public static class OutboundServiceCollectionExtensions
{
    /// <summary>The one policy for every call and text the line makes (section <c>Outbound</c>), and the ledger of texts sent.</summary>
    public static IServiceCollection AddOutboundPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<OutboundOptions, OutboundOptionsValidator>(configuration, OutboundOptions.SectionName);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboundPolicy>();
        services.TryAddSingleton<OutboundMetrics>();
        services.TryAddSingleton<TextLedger>();
        services.TryAddSingleton<OutboundTexts>();
        services.AddHostedService<TextLedgerSchema>();
        return services;
    }

    /// <summary>Creates the ledger's table in the line's SQLite file while the host starts.</summary>
    private sealed class TextLedgerSchema(SqliteSessionDatabase database) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            database.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(TextLedger.Schema, cancellationToken: cancellationToken)), cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
