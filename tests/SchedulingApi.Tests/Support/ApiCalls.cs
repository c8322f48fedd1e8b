using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PhoneBooking.SchedulingApi.Tests.Support;

/// <summary>HTTP helpers speaking the contract: camelCase JSON, enums as camelCase strings.</summary>
public static class ApiCalls
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static int _people;

    public static string NewKey() => Guid.NewGuid().ToString("N");

    /// <summary>A contact phone no other request of this test run has: each body is another person (one open request per person).</summary>
    public static string NewPhone() => "+1416" + (5_000_000 + Interlocked.Increment(ref _people)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, object? body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (body is not null)
        {
            request.Content = body is string raw
                ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json")
                : JsonContent.Create(body, body.GetType(), options: Json);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    /// <summary>Asserts a problem response of the contract and returns its JSON.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string slug)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal($"https://phonebooking.dev/problems/{slug}", problem.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>Asserts a 400 validation problem naming <paramref name="field"/>.</summary>
    public static async Task<string> ValidationErrorAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for '{field}' in {errors}");
        return messages[0].GetString()!;
    }

    public static object BookingRequest(
        string birthDate = TestSettings.SeniorBirthDate,
        object[]? preferences = null,
        string channel = "phone",
        string? holdStart = null,
        string? postalCode = null,
        string? contactPhone = null) => new
        {
            person = new { birthDate, name = "Ada Lovelace", healthCardNumber = "1234-567-890-AB", language = "en-CA", postalCode },
            preferences = preferences ?? [new { partOfDay = "any" }],
            channel,
            contactPhone = contactPhone ?? NewPhone(),
            holdStart,
        };

    public static async Task<BookingRequestAccepted> SubmitAsync(this HttpClient client, object? body = null, string? key = null) =>
        await (await client.PostAsync("/v1/booking-requests", body ?? BookingRequest(), key ?? NewKey())).ReadAsync<BookingRequestAccepted>(HttpStatusCode.Accepted);

    public static async Task<BookingRequestStatusResponse> StatusAsync(this HttpClient client, string requestId) =>
        await (await client.GetAsync($"/v1/booking-requests/{requestId}")).ReadAsync<BookingRequestStatusResponse>();

    /// <summary>The current offer of a request (asserting there is one).</summary>
    public static async Task<OfferResponse> OfferAsync(this HttpClient client, string requestId)
    {
        var status = await client.StatusAsync(requestId);
        Assert.NotNull(status.Offer);
        return status.Offer;
    }

    public static Task<HttpResponseMessage> AcceptAsync(this HttpClient client, string offerId, string? key = null) =>
        client.PostAsync($"/v1/offers/{offerId}/accept", null, key ?? NewKey());

    public static Task<HttpResponseMessage> DeclineAsync(this HttpClient client, string offerId, string? key = null) =>
        client.PostAsync($"/v1/offers/{offerId}/decline", null, key ?? NewKey());

    public static Task<HttpResponseMessage> HoldAsync(this HttpClient client, string offerId, string? key = null) =>
        client.PostAsync($"/v1/offers/{offerId}/hold", null, key ?? NewKey());
}
