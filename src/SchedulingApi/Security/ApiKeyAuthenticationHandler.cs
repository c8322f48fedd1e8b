using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace PhoneBooking.SchedulingApi.Security;

/// <summary>
/// Reads <c>X-Api-Key</c>. No header: anonymous (the authorization step refuses it everywhere but
/// health and the OpenAPI document). An unknown key fails; the refusal is written by
/// <see cref="SecurityResultHandler"/>, so 401 and 403 share one shape, log and metric.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiClientDirectory clients) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    private const int MaxKeyLength = 256;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var values = Request.Headers[ApiKeys.HeaderName];
        if (values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (values.Count > 1 || values[0] is not { Length: > 0 and <= MaxKeyLength } key || clients.Authenticate(key) is not { } client)
        {
            return Task.FromResult(AuthenticateResult.Fail(SecurityReasons.InvalidKey));
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, client.Name),
                new Claim(ClaimTypes.Role, client.Role.ToString()),
                .. client.Scopes.Select(scope => new Claim(Scopes.ClaimType, scope)),
            ],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
