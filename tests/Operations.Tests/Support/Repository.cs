namespace PhoneBooking.Operations.Tests.Support;

/// <summary>Files of the repository the tests check as shipped (rules, runbooks, dashboards, docs).</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

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
