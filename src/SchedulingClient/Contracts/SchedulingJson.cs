using System.Text.Json;
using System.Text.Json.Serialization;

namespace PhoneBooking.SchedulingClient.Contracts;

/// <summary>The contract's JSON conventions: camelCase names, enums as camelCase strings, nulls omitted on write.</summary>
public static class SchedulingJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
