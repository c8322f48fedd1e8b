using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PhoneBooking.SchedulingApi.Security;

/// <summary>Documents the <c>X-Api-Key</c> header as the document's security scheme, required by every operation.</summary>
internal static class ApiKeyOpenApi
{
    private const string SchemeId = "ApiKey";

    public static Task AddScheme(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeys.HeaderName,
            Description = "The client's API key. Scopes per endpoint and per-client limits: docs/security.md. Health and this document need none.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, document)] = [] });
        return Task.CompletedTask;
    }
}
