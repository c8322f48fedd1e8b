using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.Storage.RateLimiting;

namespace PhoneBooking.SchedulingApi.Security;

/// <summary>Names of the policies endpoints attach (besides one policy per scope, named as the scope).</summary>
public static class SecurityPolicies
{
    /// <summary>Submitting a booking request: <see cref="Scopes.RequestsSubmit"/> or <see cref="Scopes.RequestsSubmitOnBehalf"/> (the channel decides which is needed).</summary>
    public const string SubmitRequests = "requests:submit-any";

    /// <summary>The per-client rate of new booking requests, shared by every instance.</summary>
    public const string BookingSubmissions = "booking-submissions";
}

/// <summary>
/// The API's trust boundary: API keys (every environment), scopes per endpoint, per-client rate
/// limits, and the refusals' shape. Anything not marked otherwise needs an authenticated client;
/// only health and the OpenAPI document are anonymous (docs/security.md).
/// </summary>
internal static class SecurityExtensions
{
    public static IServiceCollection AddApiSecurity(this IServiceCollection services)
    {
        services.AddOptions<ApiClientsOptions>()
            .Configure<IConfiguration>((options, configuration) => configuration.GetSection(ApiClientsOptions.SectionName).Bind(options.Clients))
            .CheckStrictly(ApiClientsOptions.SectionName, typeof(Dictionary<string, ApiClientSettings>))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiClientsOptions>, ApiClientsOptionsValidator>());
        services.AddOptions<SecurityOptions>().BindStrictly(SecurityOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>());
        services.AddValidatedOptions<ThrottlingOptions>().BindStrictly(ThrottlingOptions.SectionName);

        services.AddSingleton(sp => new ApiClientDirectory(sp.GetRequiredService<IOptions<ApiClientsOptions>>()));
        services.AddSingleton<ApiSecrets>();
        services.AddHostedService<LoadSecretsAtStart>();
        services.AddSingleton<SecurityRefusals>();
        services.AddSingleton<PersonKeys>();
        services.AddSharedRateLimits();
        services.TryAddSingleton<IClientRateLimits, ClientRateLimits>();
        services.AddScoped<ResourceOwners>();
        services.AddScoped<GuessThrottle>();

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        services.AddAuthorization(authorization =>
        {
            foreach (var scope in Scopes.All)
            {
                authorization.AddPolicy(scope, policy => policy.RequireAuthenticatedUser().RequireClaim(Scopes.ClaimType, scope));
            }

            authorization.AddPolicy(SecurityPolicies.SubmitRequests, policy => policy.RequireAuthenticatedUser()
                .RequireClaim(Scopes.ClaimType, Scopes.RequestsSubmit, Scopes.RequestsSubmitOnBehalf));

            // An endpoint someone forgets to mark is closed, not open.
            authorization.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, SecurityResultHandler>();

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IClientRateLimits, ApiClientDirectory, SecurityRefusals>((options, limits, clients, refusals) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                clients.Of(http.User) is { } client ? limits.Requests(client) : RateLimitPartition.GetNoLimiter("anonymous"));
            options.OnRejected = (context, _) => RejectAsync(context, refusals, SecurityReasons.RequestRate);
            options.AddPolicy(SecurityPolicies.BookingSubmissions, new BookingSubmissionPolicy(limits, clients, refusals));
        });
        return services;
    }

    /// <summary>After routing, before the endpoints: who is calling, may they, and how fast.</summary>
    public static WebApplication UseApiSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    private static ValueTask RejectAsync(OnRejectedContext context, SecurityRefusals refusals, string reason)
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        return new ValueTask(refusals.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, reason, new RetryAfterResult(Problems.RateLimited(wait), wait)));
    }

    /// <summary>A key file that cannot be read or made stops the start, not the first booking.</summary>
    private sealed class LoadSecretsAtStart(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<ApiSecrets>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>New booking requests per client, refused with their own reason (bulk booking, OWASP API6).</summary>
    private sealed class BookingSubmissionPolicy(IClientRateLimits limits, ApiClientDirectory clients, SecurityRefusals refusals) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) => RejectAsync(context, refusals, SecurityReasons.BookingRate);

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            clients.Of(httpContext.User) is { } client ? limits.BookingSubmissions(client) : RateLimitPartition.GetNoLimiter("anonymous");
    }
}
