using System.Text.Json;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace PhoneBooking.SchedulingApi.Api;

/// <summary>
/// A JSON body bound by us rather than by the framework, so that malformed JSON, a wrong type, an
/// unknown enum value, a bad date or a huge body becomes a 400/413 problem naming the field
/// (the framework's binder answers a bare 400, or throws in Development).
/// </summary>
public sealed class JsonBody<T>
    where T : class
{
    private JsonBody(T? value, IResult? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }

    /// <summary>The problem to answer instead of handling the request; null when <see cref="Value"/> is set.</summary>
    public IResult? Problem { get; }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "Minimal APIs find BindAsync as a static on the parameter type.")]
    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context);
        if (body.TooLarge)
        {
            return new(null, Problems.PayloadTooLarge(body.MaxBytes));
        }

        if (body.Bytes.Length == 0)
        {
            return new(null, Problems.Validation("body", "A JSON object is required."));
        }

        if (SyntaxError(body.Bytes) is { } syntaxError)
        {
            return new(null, Problems.Validation("body", syntaxError));
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = JsonSerializer.Deserialize<T>(body.Bytes, options);
            return value is null ? new(null, Problems.Validation("body", "A JSON object is required.")) : new(value, null);
        }
        catch (JsonException ex)
        {
            var (field, message) = JsonErrorDescriber.Describe(typeof(T), ex.Path);
            return new(null, Problems.Validation(field, message));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return new(null, Problems.Validation("body", "The JSON body could not be read."));
        }
    }

    private static string? SyntaxError(byte[] bytes)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes);
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException ex)
        {
            return $"is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).";
        }
    }
}
