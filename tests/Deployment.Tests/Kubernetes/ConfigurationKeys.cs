using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace PhoneBooking.Deployment.Tests.Kubernetes;

/// <summary>
/// The configuration keys a process binds, read from its code rather than kept by hand: every options class of
/// the program's assembly and of the PhoneBooking assemblies it references declares its section
/// (<c>public const string SectionName</c>), and its properties are the keys under it, to any depth
/// (dictionaries take any name, lists an index). Connection strings are the <c>…ConnectionName</c> constants;
/// host settings are ASP.NET Core's own (<see cref="WebHostDefaults"/>, <see cref="HostDefaults"/>) behind their
/// environment prefixes.
/// </summary>
internal sealed class ConfigurationKeys
{
    private const string ConnectionStrings = "ConnectionStrings";

    private readonly Dictionary<string, List<Type>> _sections = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _connectionNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _hostVariables = new(StringComparer.Ordinal);

    private ConfigurationKeys(Assembly program)
    {
        foreach (var type in PhoneBookingAssemblies(program).SelectMany(assembly => assembly.GetTypes()))
        {
            foreach (var constant in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(field => field.IsLiteral && field.FieldType == typeof(string)))
            {
                var value = (string)constant.GetRawConstantValue()!;
                if (constant.Name == "SectionName")
                {
                    (_sections.TryGetValue(value, out var types) ? types : _sections[value] = []).Add(type);
                }
                else if (constant.Name.EndsWith("ConnectionName", StringComparison.Ordinal))
                {
                    _connectionNames.Add(value);
                }
            }
        }

        // ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT, …
        foreach (var key in HostKeys(typeof(WebHostDefaults)).Concat(HostKeys(typeof(HostDefaults))))
        {
            _hostVariables.Add("ASPNETCORE_" + key.ToUpperInvariant());
            _hostVariables.Add("DOTNET_" + key.ToUpperInvariant());
        }
    }

    public IReadOnlyCollection<string> Sections => _sections.Keys;

    public static ConfigurationKeys Of(Assembly program) => new(program);

    /// <summary>Null when the environment variable sets a key the process binds; otherwise why not.</summary>
    public string? Problem(string variable)
    {
        if (_hostVariables.Contains(variable))
        {
            return null;
        }

        var path = variable.Split("__");
        if (path.Any(string.IsNullOrEmpty))
        {
            return $"'{variable}' is not a configuration key ('__' separates its parts)";
        }

        var key = string.Join(':', path);
        if (path[0].Equals(ConnectionStrings, StringComparison.OrdinalIgnoreCase))
        {
            return path.Length == 2 && _connectionNames.Contains(path[1])
                ? null
                : $"'{key}': the processes read the connection strings {string.Join(", ", _connectionNames)} only";
        }

        if (!_sections.TryGetValue(path[0], out var types))
        {
            return $"'{key}': no options class binds section '{path[0]}' (sections: {string.Join(", ", _sections.Keys.Order(StringComparer.Ordinal))})";
        }

        var rest = path[1..];
        return types.Any(type => Binds(SectionContent(type, rest), rest)) ? null : $"'{key}': {string.Join(" / ", types.Select(t => t.Name))} has no such setting";
    }

    /// <summary>
    /// A section whose class holds one collection and nothing else (ApiClients, Sites) is bound to that collection
    /// (<c>GetSection(SectionName).Bind(options.Clients)</c>): its keys are the collection's, not the property's name.
    /// </summary>
    private static Type SectionContent(Type type, string[] rest)
    {
        var properties = Settable(type).ToList();
        return properties is [var only] && IsCollection(only.PropertyType) && (rest.Length == 0 || !rest[0].Equals(only.Name, StringComparison.OrdinalIgnoreCase))
            ? only.PropertyType
            : type;
    }

    private static bool Binds(Type type, ReadOnlySpan<string> path)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (path.IsEmpty)
        {
            return true;
        }

        if (IsScalar(type))
        {
            return false;
        }

        if (DictionaryValue(type) is { } value)
        {
            return Binds(value, path[1..]);
        }

        if (ElementOf(type) is { } element)
        {
            return int.TryParse(path[0], out var index) && index >= 0 && Binds(element, path[1..]);
        }

        var name = path[0];
        var property = Settable(type).FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        return property is not null && Binds(property.PropertyType, path[1..]);
    }

    /// <summary>What the configuration binder fills: public instance properties with a setter, or get-only collections and objects.</summary>
    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (p.SetMethod?.IsPublic == true || !IsScalar(p.PropertyType)));

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
            || type == typeof(Uri) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly)
            || type == typeof(TimeOnly) || type == typeof(Guid);
    }

    private static bool IsCollection(Type type) => DictionaryValue(type) is not null || ElementOf(type) is not null;

    private static Type? DictionaryValue(Type type) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>) && i.GetGenericArguments()[0] == typeof(string))?.GetGenericArguments()[1];

    private static Type? ElementOf(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static IEnumerable<string> HostKeys(Type defaults) =>
        defaults.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(string)).Select(f => (string)f.GetValue(null)!); // static readonly, not const

    private static IEnumerable<Assembly> PhoneBookingAssemblies(Assembly program)
    {
        var seen = new Dictionary<string, Assembly>(StringComparer.Ordinal) { [program.GetName().Name!] = program };
        var pending = new Queue<Assembly>([program]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("PhoneBooking.", StringComparison.Ordinal)))
            {
                if (!seen.ContainsKey(reference.Name!))
                {
                    var loaded = Assembly.Load(reference);
                    seen[reference.Name!] = loaded;
                    pending.Enqueue(loaded);
                }
            }
        }

        return seen.Values;
    }
}
