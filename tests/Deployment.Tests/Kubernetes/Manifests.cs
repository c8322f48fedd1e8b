extern alias IvrHost;
extern alias SchedulingApi;

using System.Reflection;

namespace PhoneBooking.Deployment.Tests.Kubernetes;

/// <summary>deploy/kubernetes, loaded once, and which program each Deployment runs.</summary>
internal static class Manifests
{
    public const string Line = "line";
    public const string Api = "scheduling-api";

    public static IReadOnlyList<Manifest> All { get; } = Manifest.LoadAll(RepositoryPaths.Kubernetes);

    /// <summary>The program (entry assembly) of each Deployment: its configuration keys are the ones that count.</summary>
    public static IReadOnlyDictionary<string, Assembly> Programs { get; } = new Dictionary<string, Assembly>(StringComparer.Ordinal)
    {
        [Line] = typeof(IvrHost::Program).Assembly,
        [Api] = typeof(SchedulingApi::Program).Assembly,
    };

    public static IEnumerable<Manifest> OfKind(string kind) => All.Where(m => m.Kind == kind);

    /// <summary>Every variable the Deployment's container gets, its ConfigMaps' included.</summary>
    public static IReadOnlyList<EnvVar> Env(this DeploymentSpec deployment) => deployment.EnvWith(All);

    public static DeploymentSpec Deployment(string name) => new(OfKind("Deployment").Single(m => m.Name == name));

    public static IEnumerable<DeploymentSpec> Deployments => OfKind("Deployment").Select(m => new DeploymentSpec(m));

    /// <summary>The keys of the example Secret (secret.example.yaml), the only Secret the Deployments may read.</summary>
    public static Manifest ExampleSecret => OfKind("Secret").Single();

    public static IReadOnlySet<string> SecretKeys => Manifest.Pairs(ExampleSecret.Root, "stringData").Keys.ToHashSet(StringComparer.Ordinal);
}
