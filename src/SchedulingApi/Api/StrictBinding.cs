using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace PhoneBooking.SchedulingApi.Api;

/// <summary>
/// What the configuration binder quietly drops: a list element or dictionary value that does not
/// convert (<c>Callbacks:RetryDelays:0=banana</c> left the defaults in place and the host started).
/// Every value under a section is converted to the type its property has; each one that does not
/// is a start-up failure quoting it — unless the setting holds a secret. Unknown keys are not checked.
/// </summary>
public static partial class StrictBinding
{
    /// <param name="type">What the section is bound to: an options class, or a list or dictionary bound at the section itself.</param>
    public static IEnumerable<string> Problems(IConfigurationSection section, Type type) => Value(section, type, secret: false);

    private static IEnumerable<string> Walk(IConfigurationSection section, Type type)
    {
        foreach (var child in section.GetChildren())
        {
            if (type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is not { } property)
            {
                continue;
            }

            foreach (var problem in Value(child, property.PropertyType, Secret(property.Name)))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> Value(IConfigurationSection section, Type type, bool secret)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(object))
        {
            yield break;
        }

        if (IsScalar(type))
        {
            if (section.Value is { Length: > 0 } value && !Converts(type, value))
            {
                yield return secret
                    ? $"{section.Path} is not a valid {Name(type)} (value not shown: it is a secret)."
                    : $"{section.Path} '{value}' is not a valid {Name(type)}.";
            }

            yield break;
        }

        var element = ElementType(type);
        var children = element is null ? Walk(section, type) : section.GetChildren().SelectMany(item => Value(item, element, secret));
        foreach (var problem in children)
        {
            yield return problem;
        }
    }

    private static bool IsScalar(Type type) =>
        type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(decimal)
        || (TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string)) && ElementType(type) is null && type != typeof(object));

    /// <summary>The element type of a list, array, set or dictionary (its values); null for anything else.</summary>
    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!type.IsGenericType || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        var arguments = type.GetGenericArguments();
        return arguments.Length == 2 ? arguments[1] : arguments[0];
    }

    private static bool Converts(Type type, string value)
    {
        try
        {
            return TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value) is not null || !type.IsValueType;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException or OverflowException or InvalidCastException || ex.InnerException is FormatException or OverflowException)
        {
            return false;
        }
    }

    private static string Name(Type type) => type switch
    {
        _ when type == typeof(TimeSpan) => "time span (e.g. 00:02:00)",
        _ when type == typeof(DateOnly) => "date (yyyy-MM-dd)",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) => "whole number",
        _ when type == typeof(double) => "number",
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type)),
        _ => type.Name,
    };

    private static bool Secret(string propertyName) => SecretName().IsMatch(propertyName);

    [GeneratedRegex("Secret|Token|Password|ApiKey|HmacKey", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}

/// <summary>Fails the start when <see cref="StrictBinding"/> finds a value the binder would have dropped.</summary>
/// <param name="boundType">What the section is bound to, when not <typeparamref name="TOptions"/> itself (a list property bound at the section).</param>
public sealed class StrictBindingValidator<TOptions>(IConfiguration configuration, string sectionName, Type? boundType = null) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var problems = StrictBinding.Problems(configuration.GetSection(sectionName), boundType ?? typeof(TOptions)).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
