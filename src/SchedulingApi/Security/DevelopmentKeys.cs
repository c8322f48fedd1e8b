namespace PhoneBooking.SchedulingApi.Security;

/// <summary>
/// The development keys of appsettings.Development.json (the API's hashes, the line's key): public by
/// design so `dotnet run` needs no setup, and therefore refused in every other environment.
/// </summary>
public static class DevelopmentKeys
{
    public const string PhoneLine = "pbk_dev_phone-line_EeN4Gl9ecq4Y5t01y3r3ypbOxaCkDQtQ";
    public const string Web = "pbk_dev_web_lrHFhR4rR5zIs-RW5rW6SAXnzHfjJxpO";
    public const string Bench = "pbk_dev_bench_zh8IpZQxq_wlGc2mGe89jURwghMz4LfD";

    private static readonly HashSet<string> Hashes = [ApiKeys.Sha256Hex(PhoneLine), ApiKeys.Sha256Hex(Web), ApiKeys.Sha256Hex(Bench)];

    public static bool IsDevelopmentHash(string sha256Hex) => Hashes.Contains(sha256Hex);
}
