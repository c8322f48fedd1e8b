using System.Globalization;
using PhoneBooking.IvrHost.AgentConsole.Accounts;

namespace PhoneBooking.Testing.Line;

/// <summary>Test accounts as configuration (hashed once per test run: PBKDF2 is slow on purpose).</summary>
public static class ConsoleAccounts
{
    public const string Password = "correct horse battery";

    public const string AlicePhone = "+15550100101";
    public const string BobPhone = "+15550100102";
    public const string SamSip = "sip:sam@pbx.example.org";

    private static readonly Lazy<string> Hash = new(() => PasswordHashes.Hash(Password));

    /// <summary>alice and bob (agents with phones), sam (supervisor on SIP), nora (agent without a phone).</summary>
    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        Add(settings, 0, "alice", AgentRoles.Agent, phone: AlicePhone);
        Add(settings, 1, "bob", AgentRoles.Agent, phone: BobPhone);
        Add(settings, 2, "sam", AgentRoles.Supervisor, sip: SamSip);
        Add(settings, 3, "nora", AgentRoles.Agent);
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    private static void Add(Dictionary<string, string?> settings, int index, string name, string role, string? phone = null, string? sip = null)
    {
        var at = "AgentConsole:Accounts:" + index.ToString(CultureInfo.InvariantCulture);
        settings[$"{at}:Name"] = name;
        settings[$"{at}:DisplayName"] = name; // configuration arrays merge by index: the Development accounts must not leak in
        settings[$"{at}:Role"] = role;
        settings[$"{at}:PasswordHash"] = Hash.Value;
        settings[$"{at}:Phone"] = phone;
        settings[$"{at}:SipAddress"] = sip;
    }
}
