using static PhoneBooking.Deployment.Tests.Kubernetes.Manifest;

namespace PhoneBooking.Deployment.Tests.Kubernetes;

/// <summary>What can be checked of deploy/kubernetes without a cluster: it parses, and its parts fit the code and each other.</summary>
public sealed class ManifestTests
{
    [Fact]
    public void Manifests_Parse_TwoTiersEachWithDeploymentServiceHpaAndPdb()
    {
        var kinds = Manifests.All.GroupBy(m => m.Kind).ToDictionary(g => g.Key, g => g.Select(m => m.Name).Order(StringComparer.Ordinal).ToArray());

        string[] tiers = [Manifests.Line, Manifests.Api];
        foreach (var kind in new[] { "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget" })
        {
            Assert.Equal(tiers.Order(StringComparer.Ordinal), kinds[kind]);
        }

        Assert.Equal(["phonebooking"], kinds["Secret"]);
    }

    [Fact]
    public void Kustomization_ListsEveryManifestButTheExampleSecret()
    {
        var listed = Sequence(Load(Path.Combine(RepositoryPaths.Kubernetes, Manifest.Kustomization)).Single().Root, "resources").Select(r => ((YamlDotNet.RepresentationModel.YamlScalarNode)r).Value).ToHashSet();

        var files = Manifests.All.Select(m => m.File).Where(f => f != "secret.example.yaml").ToHashSet();
        Assert.Equal(files.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(Manifests.Line)]
    [InlineData(Manifests.Api)]
    public void DeploymentEnv_EveryVariable_IsAKeyTheProgramBinds(string deployment)
    {
        var keys = ConfigurationKeys.Of(Manifests.Programs[deployment]);

        var problems = Manifests.Deployment(deployment).Env().Select(env => keys.Problem(env.Name)).OfType<string>().ToList();

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("Storage__Provder", "StorageOptions has no such setting")]
    [InlineData("Sesions__Retention", "no options class binds section 'Sesions'")]
    [InlineData("Scheduling__BaseUrl__Host", "SchedulingOptions has no such setting")]
    [InlineData("ConnectionStrings__Postgress", "the processes read the connection strings Postgres only")]
    [InlineData("Storage:Provider", "no options class binds section 'Storage:Provider'")]
    [InlineData("ASPNETCORE_PORTS", "no options class binds section 'ASPNETCORE_PORTS'")]
    public void ConfigurationKeys_MisspeltVariable_IsRefusedSayingWhy(string variable, string expected)
    {
        var problem = ConfigurationKeys.Of(Manifests.Programs[Manifests.Line]).Problem(variable);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ApiClients__line__KeySha256__0")]
    [InlineData("Encryption__Keys__k1")]
    [InlineData("Sites__0__Id")]
    [InlineData("ASPNETCORE_HTTP_PORTS")]
    public void ConfigurationKeys_DictionaryListAndHostKeys_AreKnown(string variable) =>
        Assert.Null(ConfigurationKeys.Of(Manifests.Programs[Manifests.Api]).Problem(variable));

    [Fact]
    public void DeploymentEnv_Secrets_ComeFromKeysOfTheOneSecret_AndSecretsNeverAsPlainValues()
    {
        foreach (var deployment in Manifests.Deployments)
        {
            foreach (var env in deployment.Env())
            {
                if (env.SecretRef is var (secret, key))
                {
                    Assert.Equal(Manifests.ExampleSecret.Name, secret);
                    Assert.Contains(key, Manifests.SecretKeys);
                }
                else
                {
                    // A password, key or token written into a manifest is in git for ever.
                    Assert.DoesNotMatch("(?i)(ConnectionStrings__|Secret|Token|HmacKey|ApiKey|Encryption__Keys|Password)", env.Name);
                }
            }
        }
    }

    [Fact]
    public void DeploymentEnv_OnPostgres_TheLineCallsTheApiService()
    {
        foreach (var deployment in Manifests.Deployments)
        {
            var env = deployment.Env().ToDictionary(e => e.Name);
            Assert.Equal("Postgres", env["Storage__Provider"].Value);
            Assert.NotNull(env["ConnectionStrings__Postgres"].SecretRef);
        }

        var baseUrl = new Uri(Manifests.Deployment(Manifests.Line).Env().Single(e => e.Name == "Scheduling__BaseUrl").Value!);
        var api = Manifests.OfKind("Service").Single(s => s.Name == Manifests.Api);
        Assert.Equal(api.Name, baseUrl.Host);
        Assert.Contains(Sequence(Map(api.Root, "spec"), "ports"), port => Scalar(port, "port") == baseUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Services_SelectTheirDeploymentsPods_OnANamedContainerPort()
    {
        foreach (var service in Manifests.OfKind("Service"))
        {
            var deployment = Manifests.Deployment(service.Name);
            var selector = Pairs(Map(service.Root, "spec"), "selector");
            Assert.All(selector, label => Assert.Equal(label.Value, deployment.PodLabels.GetValueOrDefault(label.Key)));
            Assert.All(Sequence(Map(service.Root, "spec"), "ports"), port => Assert.Contains(Scalar(port, "targetPort"), deployment.Ports.Keys));
        }
    }

    [Fact]
    public void Deployments_SelectorMatchesTheirPods_AndTheListeningPortIsTheContainerPort()
    {
        foreach (var deployment in Manifests.Deployments)
        {
            Assert.All(deployment.Selector, label => Assert.Equal(label.Value, deployment.PodLabels.GetValueOrDefault(label.Key)));
            var port = deployment.Env().Single(e => e.Name == "ASPNETCORE_HTTP_PORTS").Value;
            Assert.Equal(port, Assert.Single(deployment.Ports.Values).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Autoscalers_TargetTheDeployments_WhoseContainersRequestCpu()
    {
        foreach (var hpa in Manifests.OfKind("HorizontalPodAutoscaler"))
        {
            var spec = Map(hpa.Root, "spec");
            Assert.Equal("Deployment", Scalar(Map(spec, "scaleTargetRef"), "kind"));
            var deployment = Manifests.Deployment(Scalar(Map(spec, "scaleTargetRef"), "name"));

            // CPU utilization is measured against the request: without one the HPA never scales.
            Assert.NotNull(Find(Map(Map(deployment.Container, "resources"), "requests"), "cpu"));
            var min = int.Parse(Scalar(spec, "minReplicas"), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(min >= 2, $"{hpa}: at least 2 replicas, so losing one loses no service");
            Assert.True(int.Parse(Scalar(spec, "maxReplicas"), System.Globalization.CultureInfo.InvariantCulture) > min);
        }
    }

    [Fact]
    public void DisruptionBudgets_CoverEachDeploymentsPods()
    {
        foreach (var pdb in Manifests.OfKind("PodDisruptionBudget"))
        {
            var deployment = Manifests.Deployment(pdb.Name);
            var selector = Pairs(Map(Map(pdb.Root, "spec"), "selector"), "matchLabels");
            Assert.Equal(deployment.Selector.OrderBy(p => p.Key), selector.OrderBy(p => p.Key));
            Assert.True(Find(Map(pdb.Root, "spec"), "minAvailable") is not null || Find(Map(pdb.Root, "spec"), "maxUnavailable") is not null);
        }
    }

    [Fact]
    public void Deployments_ReadinessOnReady_LivenessOnLive_PreStopDrainWithinTheGracePeriod()
    {
        foreach (var deployment in Manifests.Deployments)
        {
            var probes = deployment.Probes;
            Assert.Equal("/health/ready", probes["readinessProbe"].Path);
            Assert.Equal("/health/live", probes["livenessProbe"].Path);
            Assert.All(probes.Values, probe => Assert.Contains(probe.Port, deployment.Ports.Keys));

            var drain = int.Parse(Scalar(Map(Map(Map(deployment.Container, "lifecycle"), "preStop"), "sleep"), "seconds"), System.Globalization.CultureInfo.InvariantCulture);
            var grace = int.Parse(Scalar(deployment.PodSpec, "terminationGracePeriodSeconds"), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(drain, 5, grace - 15); // the drain, then 15 s (Twilio's webhook timeout) to finish what is in flight
        }
    }
}
