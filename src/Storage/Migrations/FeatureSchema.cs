using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace PhoneBooking.Storage.Migrations;

/// <summary>One numbered script of a feature: <c>0002_snake_case_enums.sql</c> is version 2.</summary>
public sealed record MigrationScript(int Version, string Name, string Sql);

/// <summary>
/// The tables of one feature (the API's <c>scheduling</c>, the line's <c>sessions</c>, <c>callbacks</c>, …):
/// the only place they are created or changed. Scripts are <c>.sql</c> files embedded in the feature's
/// assembly under <c>{folder}/sqlite/</c> and <c>{folder}/postgres/</c>, named <c>NNNN_what.sql</c>,
/// applied in number order and recorded in <c>schema_migrations</c>. Append a script; never edit a shipped one.
/// </summary>
public sealed partial class FeatureSchema
{
    private readonly Dictionary<StorageProvider, IReadOnlyList<MigrationScript>> _scripts;

    /// <param name="name">The feature's key in <c>schema_migrations</c>: unique across both processes (they may share a database).</param>
    /// <param name="assembly">Where the scripts are embedded.</param>
    /// <param name="folder">The scripts' folder in the project, e.g. <c>Sessions/Migrations</c> (embedded under that path).</param>
    public FeatureSchema(string name, Assembly assembly, string folder)
    {
        Name = name;
        _scripts = Enum.GetValues<StorageProvider>().ToDictionary(p => p, p => Load(assembly, $"{folder.TrimEnd('/')}/{p.ToString().ToLowerInvariant()}/"));
    }

    public string Name { get; }

    /// <summary>The provider's scripts, versions 1..n without gaps (checked when loaded).</summary>
    public IReadOnlyList<MigrationScript> ScriptsFor(StorageProvider provider) => _scripts[provider];

    public int LatestVersion(StorageProvider provider) => _scripts[provider].Count;

    private IReadOnlyList<MigrationScript> Load(Assembly assembly, string prefix)
    {
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var file = resource[prefix.Length..];
            var match = ScriptName().Match(file);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration '{resource}' of feature '{Name}' must be named NNNN_what.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new MigrationScript(int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), match.Groups["name"].Value, reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Migrations of feature '{Name}' under '{prefix}' must be numbered 1..n without gaps or repeats; found {string.Join(", ", scripts.Select(s => s.Version))}.");
            }
        }

        return scripts;
    }

    [GeneratedRegex(@"^(?<version>[0-9]{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();
}
