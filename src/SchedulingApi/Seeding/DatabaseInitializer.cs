using Microsoft.Extensions.Options;
using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.SchedulingApi.BookingRequests;
using PhoneBooking.SchedulingApi.Eligibility;
using PhoneBooking.SchedulingApi.Facilities;
using PhoneBooking.SchedulingApi.Observability;
using PhoneBooking.SchedulingApi.Sites;
using PhoneBooking.SchedulingApi.Storage;
using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Seeding;

/// <summary>
/// Before anything else starts (the server, the matcher): migrate the schema, then bring the database
/// in line with configuration. Sites are upserted, missing windows added for the staffing horizon,
/// new facilities created, and waiting requests re-dated if their cohort's opening date changed.
/// Safe to run at every start, and by several instances at once (upserts; a collision runs the transaction again).
/// </summary>
internal sealed class DatabaseInitializer(
    IServiceScopeFactory scopes,
    StorageStartup storage,
    SiteCatalog catalog,
    PinHasher hasher,
    TimeProvider clock,
    IOptions<SitesOptions> sites,
    IOptions<StaffingOptions> staffing,
    IOptions<FacilityOptions> facilities,
    IOptions<EligibilityOptions> eligibility,
    ILogger<DatabaseInitializer> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureMigratedAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;

        var unitOfWork = services.GetRequiredService<IUnitOfWork>();
        var siteStore = services.GetRequiredService<ISiteStore>();
        var facilityStore = services.GetRequiredService<IFacilityStore>();
        var (windowsAdded, facilitiesAdded) = await unitOfWork.InTransactionAsync(async () =>
        {
            foreach (var site in sites.Value.Sites)
            {
                await siteStore.UpsertAsync(new Site(site.Id, site.Name, string.IsNullOrWhiteSpace(site.SpokenName) ? site.Name : site.SpokenName, site.Address, site.TimeZone), cancellationToken);
            }

            var now = clock.GetUtcNow();
            var newWindows = await services.GetRequiredService<IWindowStore>().AddMissingAsync(
                sites.Value.Sites.SelectMany(site => WindowPlanner.Plan(site, now, staffing.Value)), cancellationToken);

            var newFacilities = 0;
            foreach (var seed in facilities.Value.Seed)
            {
                if (await facilityStore.GetByCodeAsync(seed.Code, cancellationToken) is null
                    && await facilityStore.AddIfMissingAsync(new Facility(Ids.New("fa"), seed.Code, seed.Name, string.IsNullOrWhiteSpace(seed.SpokenName) ? seed.Name : seed.SpokenName, hasher.Hash(seed.Pin)), cancellationToken))
                {
                    newFacilities++;
                }
            }

            var requests = services.GetRequiredService<IBookingRequestStore>();
            foreach (var cohort in eligibility.Value.Cohorts)
            {
                await requests.UpdateEligibleFromAsync(cohort.Name, cohort.OpensOn, cancellationToken);
            }

            return (newWindows, newFacilities);
        }, cancellationToken);
        logger.SeedApplied(sites.Value.Sites.Count, windowsAdded, facilitiesAdded);

        catalog.Load(await siteStore.ListAsync(cancellationToken));
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
