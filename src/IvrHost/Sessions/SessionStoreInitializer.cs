namespace PhoneBooking.IvrHost.Sessions;

/// <summary>Creates the schema while the host starts, before the first webhook can arrive.</summary>
internal sealed class SessionStoreInitializer(ICallSessionStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
