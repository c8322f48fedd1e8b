using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace PhoneBooking.SchedulingApi.Api;

/// <summary>camelCase everything, enums as camelCase strings, no integers for enums.</summary>
internal static class ApiJson
{
    public static void Configure(JsonOptions options) =>
        options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));

    public static string EnumName<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
