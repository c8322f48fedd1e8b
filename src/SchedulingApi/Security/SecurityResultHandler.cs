using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using PhoneBooking.SchedulingApi.Api;

namespace PhoneBooking.SchedulingApi.Security;

/// <summary>Writes 401 (no or unknown key) and 403 (a scope the client lacks) as problem details, logged and counted.</summary>
internal sealed class SecurityResultHandler(SecurityRefusals refusals) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            var reason = context.Request.Headers.ContainsKey(ApiKeys.HeaderName) ? SecurityReasons.InvalidKey : SecurityReasons.MissingKey;
            context.Response.Headers.WWWAuthenticate = $"{ApiKeyAuthenticationHandler.SchemeName} header=\"{ApiKeys.HeaderName}\"";
            return refusals.WriteAsync(context, StatusCodes.Status401Unauthorized, reason, Problems.Unauthenticated(reason == SecurityReasons.InvalidKey));
        }

        if (authorizeResult.Forbidden)
        {
            var scopes = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ClaimsAuthorizationRequirement>()
                .SelectMany(r => r.AllowedValues ?? []) ?? [];
            var scope = string.Join(" or ", scopes);
            return refusals.WriteAsync(context, StatusCodes.Status403Forbidden, SecurityReasons.MissingScope, Problems.Forbidden(scope));
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
