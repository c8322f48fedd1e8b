namespace PhoneBooking.Deployment.Tests;

/// <summary>Files of the repository the tests check (the manifests, the scale-out script), found from the test's folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Kubernetes => Path.Combine(Root, "deploy", "kubernetes");

    public static string ScaleOutScript => Path.Combine(Root, "deploy", "local", "scale-out.sh");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PhoneBooking.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PhoneBooking.sln not found above " + AppContext.BaseDirectory);
    }
}
