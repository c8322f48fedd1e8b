using YamlDotNet.RepresentationModel;
using static PhoneBooking.Deployment.Tests.Kubernetes.Manifest;

namespace PhoneBooking.Deployment.Tests.Kubernetes;

/// <summary>A Deployment's one container, read from its manifest: image, ports, env and probes.</summary>
internal sealed class DeploymentSpec(Manifest manifest)
{
    public Manifest Manifest { get; } = manifest;

    public string Name => Manifest.Name;

    public YamlMappingNode PodSpec => Map(Map(Map(Manifest.Root, "spec"), "template"), "spec");

    public YamlMappingNode Container => (YamlMappingNode)Assert.Single(Sequence(PodSpec, "containers"));

    public Dictionary<string, string> PodLabels => Pairs(Map(Map(Map(Manifest.Root, "spec"), "template"), "metadata"), "labels");

    public Dictionary<string, string> Selector => Pairs(Map(Map(Manifest.Root, "spec"), "selector"), "matchLabels");

    /// <summary>Container ports by name.</summary>
    public Dictionary<string, int> Ports => Sequence(Container, "ports").ToDictionary(port => Scalar(port, "name"), port => int.Parse(Scalar(port, "containerPort"), System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>The ConfigMaps the container takes every key of as a variable (<c>envFrom</c>).</summary>
    public IEnumerable<string> ConfigMapsFrom => Sequence(Container, "envFrom").Select(entry => Scalar(Map(entry, "configMapRef"), "name"));

    /// <summary>
    /// Every env var the container gets: from its ConfigMaps (<paramref name="configMaps"/>: all objects, the ConfigMaps
    /// among them), then its own list, each a plain value or a Secret's key (<see cref="EnvVar.SecretRef"/>).
    /// </summary>
    public IReadOnlyList<EnvVar> EnvWith(IEnumerable<Manifest> configMaps)
    {
        var fromMaps = ConfigMapsFrom.SelectMany(name => Pairs(configMaps.Single(m => m.Kind == "ConfigMap" && m.Name == name).Root, "data"))
            .Select(pair => new EnvVar(pair.Key, pair.Value, null));
        var own = Sequence(Container, "env").Select(entry => new EnvVar(
            Scalar(entry, "name"),
            (Find(entry, "value") as YamlScalarNode)?.Value,
            Find(entry, "valueFrom") is { } from ? (Scalar(Map(from, "secretKeyRef"), "name"), Scalar(Map(from, "secretKeyRef"), "key")) : null));
        return fromMaps.Concat(own).ToList();
    }

    /// <summary>The probes' HTTP paths and ports, by probe (readinessProbe, livenessProbe, startupProbe).</summary>
    public Dictionary<string, (string Path, string Port)> Probes => new[] { "readinessProbe", "livenessProbe", "startupProbe" }
        .Where(probe => Find(Container, probe) is not null)
        .ToDictionary(probe => probe, probe => (Scalar(Map(Map(Container, probe), "httpGet"), "path"), Scalar(Map(Map(Container, probe), "httpGet"), "port")), StringComparer.Ordinal);
}

internal sealed record EnvVar(string Name, string? Value, (string Secret, string Key)? SecretRef);
