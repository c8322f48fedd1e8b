using Microsoft.Extensions.Options;

namespace PhoneBooking.IvrHost.AgentConsole.Accounts;

/// <summary>The configured accounts (reloaded with configuration) and password checks against them.</summary>
public sealed class AgentDirectory(IOptionsMonitor<AgentConsoleOptions> options)
{
    // An unknown name costs the same PBKDF2 work as a known one, so timing does not tell which names exist.
    private static readonly Lazy<string> Decoy = new(() => PasswordHashes.Hash(Guid.NewGuid().ToString()));

    public AgentAccount? Find(string? name) =>
        string.IsNullOrEmpty(name) ? null : options.CurrentValue.Accounts.Find(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    public AgentAccount? Verify(string name, string password)
    {
        var account = Find(name);
        var matches = PasswordHashes.Verify(account?.PasswordHash ?? Decoy.Value, password);
        return matches ? account : null;
    }
}
