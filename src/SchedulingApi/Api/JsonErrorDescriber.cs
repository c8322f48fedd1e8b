using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PhoneBooking.SchedulingApi.Api;

/// <summary>
/// Turns the JSON path of a deserialization failure (<c>$.preferences[2].partOfDay</c>) into the
/// field name of the contract (<c>preferences[2].partOfDay</c>) and a message from the type expected there.
/// </summary>
internal static partial class JsonErrorDescriber
{
    public static (string Field, string Message) Describe(Type rootType, string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return ("body", "must be a JSON object.");
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        var type = ResolveType(rootType, path);
        return (field, type is null ? "has an invalid value." : Expectation(type));
    }

    private static Type? ResolveType(Type rootType, string path)
    {
        Type? type = rootType;
        foreach (Match segment in PathSegment().Matches(path))
        {
            if (type is null)
            {
                return null;
            }

            type = segment.Groups["index"].Success
                ? ElementType(type)
                : type.GetProperty(segment.Groups["name"].Value, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
        }

        return type;
    }

    private static string Expectation(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return "must be one of: " + string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName)) + ".";
        }

        return type switch
        {
            _ when type == typeof(string) => "must be a string.",
            _ when type == typeof(DateOnly) => "must be a date written yyyy-MM-dd.",
            _ when type == typeof(DateTimeOffset) => "must be an ISO 8601 instant with an offset.",
            _ when type == typeof(int) || type == typeof(long) => "must be a whole number.",
            _ when type == typeof(bool) => "must be true or false.",
            _ when type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) => "must be an array.",
            _ when type.IsClass => "must be an object.",
            _ => "has an invalid value.",
        };
    }

    private static Type? ElementType(Type type) =>
        type.IsArray
            ? type.GetElementType()
            : type.GetInterfaces().Append(type)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    // ".name", "['name']" or "[3]"
    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<name>[^']*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();
}
