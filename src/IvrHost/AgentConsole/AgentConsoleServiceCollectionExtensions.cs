using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.WebEncoders;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.AgentConsole.Accounts;
using PhoneBooking.IvrHost.AgentConsole.Audit;
using PhoneBooking.IvrHost.AgentConsole.Board;
using PhoneBooking.IvrHost.AgentConsole.Bookings;
using PhoneBooking.IvrHost.AgentConsole.Calls;
using PhoneBooking.IvrHost.AgentConsole.Incidents;
using PhoneBooking.IvrHost.AgentConsole.Switches;
using PhoneBooking.IvrHost.AgentConsole.Storage;
using PhoneBooking.IvrHost.Hosting;
using PhoneBooking.IvrHost.Storage;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Encryption;
using PhoneBooking.Storage.Migrations;
using PhoneBooking.IvrHost.Voice;

namespace PhoneBooking.IvrHost.AgentConsole;

public static class AgentConsoleServiceCollectionExtensions
{
    /// <summary>The <c>line_switches</c> table: <c>AgentConsole/Switches/Migrations</c>.</summary>
    public static readonly FeatureSchema SwitchesSchema = new("switches", typeof(AgentConsoleServiceCollectionExtensions).Assembly, "AgentConsole/Switches/Migrations");

    public const string PathBase = "/console";

    /// <summary>
    /// The agent console: accounts and cookie sign-in, roles, audit, the board and its live updates,
    /// claiming and connecting calls, booking for callers, and the stored incident message — which
    /// replaces <see cref="ConfiguredIncidentBoard"/> as <see cref="IIncidentBoard"/>, before or after <c>AddVoice</c>.
    /// </summary>
    public static IServiceCollection AddAgentConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AgentConsoleOptions, AgentConsoleOptionsValidator>(configuration, AgentConsoleOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<AgentConsoleMetrics>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AgentDirectory>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<ConsoleSessions>();
        services.AddSingleton<ClaimActivity>();
        services.AddSingleton<AgentSignIn>();
        services.AddHttpContextAccessor();

        services.TryAddSingleton<ConfiguredIncidentBoard>();
        services.AddSingleton<StoredIncidentBoard>();
        services.Replace(ServiceDescriptor.Singleton<IIncidentBoard>(sp => sp.GetRequiredService<StoredIncidentBoard>()));

        // Features turned off by a supervisor (docs/operations.md, "Switches"): replaces AllOnSwitchBoard.
        services.AddFeatureSchema(SwitchesSchema);
        services.AddSingleton<SwitchStore>();
        services.AddSingleton<StoredSwitchBoard>();
        services.Replace(ServiceDescriptor.Singleton<ILineSwitchBoard>(sp => sp.GetRequiredService<StoredSwitchBoard>()));
        services.AddHostedService<SwitchRefresher>();

        services.AddSingleton<AgentBookingStore>();
        services.AddTransient<AgentBookings>();
        services.AddTransient<AgentCalls>();
        services.AddTransient<BoardReader>();
        services.AddSingleton<BoardWatcher>();
        services.AddSingleton<Pages.ConsoleDisplay>();
        services.AddLineStorage(configuration);
        services.AddFeatureSchema(AgentConsoleSchema.Schema);
        services.AddHostedService<AgentConsoleSchema>();
        services.AddHostedService(sp => sp.GetRequiredService<BoardWatcher>());

        AddSignIn(services);

        // Names and sites in French, masks and dashes: written as characters, not as numeric references.
        services.Configure<WebEncoderOptions>(encoder => encoder.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(pages =>
        {
            pages.RootDirectory = "/AgentConsole/Pages";
            pages.Conventions.AuthorizeFolder("/", AgentRoles.AgentPolicy);
            pages.Conventions.AllowAnonymousToPage("/SignIn");
            pages.Conventions.AuthorizePage("/Supervisor", AgentRoles.SupervisorPolicy);
        });
        return services;
    }

    private static void AddSignIn(IServiceCollection services)
    {
        services.AddScoped<ConsoleCookieEvents>();
        services.AddAuthentication(AgentPrincipal.Scheme).AddCookie(AgentPrincipal.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(AgentPrincipal.Scheme).Configure<IOptions<AgentConsoleOptions>, IHostEnvironment>((cookie, console, environment) =>
        {
            // Scoped to the console's paths: Twilio's webhooks never carry it.
            cookie.Cookie.Name = "console.auth";
            cookie.Cookie.Path = PathBase;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = SecurePolicy(environment);
            cookie.LoginPath = $"{PathBase}/sign-in";
            cookie.LogoutPath = $"{PathBase}/sign-out";
            cookie.ExpireTimeSpan = console.Value.SessionLifetime;
            cookie.SlidingExpiration = true;
            cookie.EventsType = typeof(ConsoleCookieEvents);
        });
        services.AddAuthorization(authorization =>
        {
            authorization.AddPolicy(AgentRoles.AgentPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(AgentRoles.Agent, AgentRoles.Supervisor));
            authorization.AddPolicy(AgentRoles.SupervisorPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(AgentRoles.Supervisor));
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "console.af";
            antiforgery.Cookie.Path = PathBase;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddOptions<AntiforgeryOptions>().Configure<IHostEnvironment>((antiforgery, environment) => antiforgery.Cookie.SecurePolicy = SecurePolicy(environment));

        // Sign-in cookies must survive a restart and be readable by every instance: the key ring lives in the
        // line's database (either provider), its keys encrypted with the line's at-rest key.
        services.AddDataProtection().SetApplicationName("PhoneBooking.IvrHost");
        services.AddOptions<KeyManagementOptions>().Configure<IDatabase, DataCipher>((keys, database, cipher) =>
        {
            keys.XmlRepository = new DatabaseXmlRepository(database);
            keys.XmlEncryptor = new CipherXmlEncryptor(cipher);
        });
    }

    /// <summary>
    /// Secure cookies everywhere but Development (plain http on a laptop). Behind a TLS proxy the
    /// request is https once <see cref="TrustedProxies"/> says so; a cookie marked Secure is never sent
    /// back over plain http, so a misconfigured proxy fails closed (no sign-in), not open.
    /// </summary>
    private static CookieSecurePolicy SecurePolicy(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
}
