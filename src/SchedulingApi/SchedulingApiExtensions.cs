using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.SchedulingApi.BookingRequests;
using PhoneBooking.SchedulingApi.Bookings;
using PhoneBooking.SchedulingApi.Eligibility;
using PhoneBooking.SchedulingApi.Events;
using PhoneBooking.SchedulingApi.Facilities;
using PhoneBooking.SchedulingApi.GroupVisits;
using PhoneBooking.SchedulingApi.Health;
using PhoneBooking.SchedulingApi.Idempotency;
using PhoneBooking.SchedulingApi.LoadShedding;
using PhoneBooking.SchedulingApi.Matching;
using PhoneBooking.SchedulingApi.Observability;
using PhoneBooking.SchedulingApi.Offers;
using PhoneBooking.SchedulingApi.Security;
using PhoneBooking.SchedulingApi.Seeding;
using PhoneBooking.SchedulingApi.Sites;
using PhoneBooking.SchedulingApi.Storage;
using PhoneBooking.ServiceDefaults;
using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi;

public static class SchedulingApiExtensions
{
    /// <summary>Registers the scheduling API: options (validated at start), storage (SQLite or PostgreSQL), the matcher, OpenAPI, health, metrics.</summary>
    public static WebApplicationBuilder AddSchedulingApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDefaults.Customize);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.ConfigureHttpJsonOptions(ApiJson.Configure);
        services.AddOpenApi(options => options.AddOperationTransformer(IdempotencyOpenApi.AddHeader).AddDocumentTransformer(ApiKeyOpenApi.AddScheme));
        var health = services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ServiceDefaultsExtensions.ReadyTag]);
        if (builder.Configuration.GetStorageProvider() == StorageProvider.Sqlite)
        {
            // The SQLite file's folder; on PostgreSQL nothing is written locally and the database check covers it.
            health.Add(new(WritableFolderHealthCheck.Name, sp => new WritableFolderHealthCheck(
                () => sp.GetRequiredService<DataDirectory>().Path,
                sp.GetRequiredService<ILogger<WritableFolderHealthCheck>>()), null, [ServiceDefaultsExtensions.ReadyTag]));
        }

        services.AddMetrics();

        AddOptions(services);
        services.AddSchedulingStorage(builder.Configuration);
        services.AddApiSecurity();
        services.AddLoadShedding();

        services.AddSingleton<BusinessCalendar>();
        services.AddSingleton<SiteCatalog>();
        services.AddSingleton<EligibilityPolicy>();
        services.AddSingleton<SchedulingMetrics>();
        services.AddSampledGauges<BookingQueueGauges>();
        services.AddSingleton<PinHasher>();
        services.AddSingleton<MatcherSignal>();
        services.AddSingleton<Matcher>();

        services.AddScoped<Views>();
        services.AddScoped<BookingRequestService>();
        services.AddScoped<OfferLifecycle>();
        services.AddScoped<OfferService>();
        services.AddScoped<ConfirmationCodes>();
        services.AddScoped<BookingService>();
        services.AddScoped<FacilityAuthenticator>();
        services.AddScoped<GroupVisitService>();
        services.AddScoped<MatchingSteps>();

        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<MatcherBackgroundService>();
        return builder;
    }

    /// <summary>Error handling, OpenAPI at /openapi/v1.json, health, and the /v1 routes.</summary>
    public static WebApplication MapSchedulingApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseLoadShedding();
        app.UseApiSecurity();
        app.MapDefaultEndpoints();
        app.MapOpenApi().AllowAnonymous();
        app.MapGroup("/v1")
            .MapEligibilityEndpoints()
            .MapSitesEndpoints()
            .MapBookingRequestEndpoints()
            .MapOfferEndpoints()
            .MapBookingEndpoints()
            .MapFacilityEndpoints()
            .MapGroupVisitEndpoints()
            .MapEventEndpoints();
        return app;
    }

    private static void AddOptions(IServiceCollection services)
    {
        services.AddValidatedOptions<ApiOptions>().BindStrictly(ApiOptions.SectionName);
        services.AddValidatedOptions<CalendarOptions>().BindStrictly(CalendarOptions.SectionName);
        services.AddValidatedOptions<StaffingOptions>().BindStrictly(StaffingOptions.SectionName);
        services.AddValidatedOptions<MatchingOptions>().BindStrictly(MatchingOptions.SectionName);
        services.AddValidatedOptions<GroupVisitOptions>().BindStrictly(GroupVisitOptions.SectionName);
        services.AddValidatedOptions<IdempotencyOptions>().BindStrictly(IdempotencyOptions.SectionName);
        services.AddValidatedOptions<SeedOptions>().BindStrictly(SeedOptions.SectionName)
            .PostConfigure<IHostEnvironment>((seed, environment) => seed.Demo ??= environment.IsDevelopment());

        // Lists: demo data fills them only when configuration gives none (arrays don't merge well across sources).
        services.AddValidatedOptions<SitesOptions>()
            .Configure<IConfiguration>((options, configuration) => configuration.GetSection(SitesOptions.SectionName).Bind(options.Sites))
            .CheckStrictly(SitesOptions.SectionName, typeof(List<SiteOptions>))
            .PostConfigure<IOptions<SeedOptions>>((options, seed) => FillIfEmpty(options.Sites, seed, DemoData.Sites));
        services.AddValidatedOptions<EligibilityOptions>().BindStrictly(EligibilityOptions.SectionName)
            .PostConfigure<IOptions<SeedOptions>>((options, seed) => FillIfEmpty(options.Cohorts, seed, DemoData.Cohorts));
        services.AddValidatedOptions<FacilityOptions>().BindStrictly(FacilityOptions.SectionName)
            .PostConfigure<IOptions<SeedOptions>>((options, seed) => FillIfEmpty(options.Seed, seed, DemoData.Facilities));
    }

    private static void FillIfEmpty<T>(List<T> list, IOptions<SeedOptions> seed, Func<IEnumerable<T>> demo)
    {
        if (list.Count == 0 && seed.Value.DemoOn)
        {
            list.AddRange(demo());
        }
    }
}
