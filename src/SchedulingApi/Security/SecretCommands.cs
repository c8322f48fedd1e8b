namespace PhoneBooking.SchedulingApi.Security;

/// <summary>
/// <c>dotnet run --project src/SchedulingApi -- new-api-key</c>: a new client key (for the client's
/// <c>Scheduling:ApiKey</c>) and its SHA-256 (for the API's <c>ApiClients:&lt;name&gt;:KeySha256</c>).
/// <c>new-secret</c>: a value for <c>Security:HmacKey</c>. Printed, never stored.
/// </summary>
public static class SecretCommands
{
    public static bool TryRun(string[] args, TextWriter output)
    {
        switch (args)
        {
            case ["new-api-key"]:
                var key = ApiKeys.New();
                output.WriteLine($"key (the client's Scheduling:ApiKey):      {key}");
                output.WriteLine($"hash (the API's ApiClients:<name>:KeySha256): {ApiKeys.Sha256Hex(key)}");
                return true;
            case ["new-secret"]:
                output.WriteLine(ApiKeys.NewSecret());
                return true;
            default:
                return false;
        }
    }
}
