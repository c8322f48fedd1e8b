using YamlDotNet.RepresentationModel;

namespace PhoneBooking.Deployment.Tests.Kubernetes;

/// <summary>One Kubernetes object of deploy/kubernetes, as parsed YAML, with the few paths the tests read.</summary>
internal sealed record Manifest(string File, YamlMappingNode Root)
{
    public string Kind => Scalar(Root, "kind");

    public string Name => Scalar(Map(Root, "metadata"), "name");

    public override string ToString() => $"{Kind}/{Name} ({File})";

    public const string Kustomization = "kustomization.yaml";

    /// <summary>Every object of every <c>.yaml</c> file in <paramref name="folder"/> but the kustomization (a list of files, not an object).</summary>
    public static IReadOnlyList<Manifest> LoadAll(string folder) =>
        Directory.GetFiles(folder, "*.yaml").Where(f => Path.GetFileName(f) != Kustomization).Order(StringComparer.Ordinal).SelectMany(Load).ToList();

    public static IEnumerable<Manifest> Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return stream.Documents.Select(document => new Manifest(Path.GetFileName(path), (YamlMappingNode)document.RootNode));
    }

    public static YamlMappingNode Map(YamlNode node, string key) =>
        Find(node, key) as YamlMappingNode ?? throw new InvalidOperationException($"'{key}' is not a mapping");

    public static IEnumerable<YamlNode> Sequence(YamlNode node, string key) =>
        Find(node, key) is YamlSequenceNode sequence ? sequence.Children : [];

    public static string Scalar(YamlNode node, string key) =>
        (Find(node, key) as YamlScalarNode)?.Value ?? throw new InvalidOperationException($"'{key}' is not a value");

    public static YamlNode? Find(YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>A mapping of plain values (labels, selectors) as a dictionary.</summary>
    public static Dictionary<string, string> Pairs(YamlNode node, string key) =>
        Map(node, key).Children.ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => ((YamlScalarNode)pair.Value).Value!, StringComparer.Ordinal);
}
