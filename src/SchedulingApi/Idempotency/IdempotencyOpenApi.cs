using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PhoneBooking.SchedulingApi.Idempotency;

/// <summary>Documents the required Idempotency-Key header on every endpoint that needs one.</summary>
internal static class IdempotencyOpenApi
{
    public static Task AddHeader(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiresIdempotencyKey>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyFilter.HeaderName,
                In = ParameterLocation.Header,
                Required = true,
                Description = "1-200 printable ASCII characters. Same key and body: the first response is replayed. Same key, other body: 422.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 200 },
            });
        }

        return Task.CompletedTask;
    }
}
