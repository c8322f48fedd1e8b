using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.AgentConsole.Accounts;

namespace PhoneBooking.IvrHost.AgentConsole;

internal sealed partial class AgentConsoleOptionsValidator : IValidateOptions<AgentConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentConsoleOptions options)
    {
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Accounts.Count; i++)
        {
            var account = options.Accounts[i];
            var at = $"AgentConsole:Accounts:{i}";
            if (!AccountName().IsMatch(account.Name ?? ""))
            {
                failures.Add($"{at}:Name ('{account.Name}') must be 1 to 64 letters, digits, '.', '_' or '-'.");
            }
            else if (!seen.Add(account.Name!))
            {
                failures.Add($"{at}:Name ('{account.Name}') is used by another account (names are case-insensitive).");
            }

            if (!AgentRoles.IsKnown(account.Role))
            {
                failures.Add($"{at}:Role ('{account.Role}') must be '{AgentRoles.Agent}' or '{AgentRoles.Supervisor}'.");
            }

            // The hash itself is not quoted: it is a secret's derivative, and long.
            if (!PasswordHashes.IsV3(account.PasswordHash))
            {
                failures.Add($"{at}:PasswordHash (account '{account.Name}') is not a PasswordHasher v3 hash; make one with `dotnet run --project src/IvrHost -- hash-password`.");
            }

            if (!string.IsNullOrEmpty(account.Phone) && !E164().IsMatch(account.Phone))
            {
                failures.Add($"{at}:Phone ('{account.Phone}') must be an E.164 number such as +14165550123.");
            }

            if (!string.IsNullOrEmpty(account.SipAddress)
                && !(account.SipAddress.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(account.SipAddress, UriKind.Absolute, out _)))
            {
                failures.Add($"{at}:SipAddress ('{account.SipAddress}') must be a SIP URI such as sip:agent@pbx.example.org.");
            }
        }

        Between(failures, "RefreshInterval", options.RefreshInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1));
        Between(failures, "IncidentCacheTtl", options.IncidentCacheTtl, TimeSpan.Zero, TimeSpan.FromMinutes(5));
        Between(failures, "SwitchRefreshInterval", options.SwitchRefreshInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1));
        Between(failures, "Lockout", options.Lockout, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Between(failures, "MaxLockout", options.MaxLockout, options.Lockout, TimeSpan.FromDays(1));
        Between(failures, "SessionLifetime", options.SessionLifetime, TimeSpan.FromMinutes(5), TimeSpan.FromDays(1));
        Between(failures, "AccountMaxDelay", options.AccountMaxDelay, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));
        Between(failures, "ClaimTimeout", options.ClaimTimeout, TimeSpan.FromMinutes(1), TimeSpan.FromHours(8));
        Between(failures, "ViewAuditInterval", options.ViewAuditInterval, TimeSpan.Zero, TimeSpan.FromHours(1));
        for (var i = 0; i < options.TrustedProxies.Count; i++)
        {
            if (!TrustedProxies.TryParse(options.TrustedProxies[i], out _))
            {
                failures.Add($"AgentConsole:TrustedProxies:{i} ('{options.TrustedProxies[i]}') must be an IP address or a network such as 10.0.0.0/8.");
            }
        }
        if (options.MaxFailedSignIns is < 1 or > 100)
        {
            failures.Add($"AgentConsole:MaxFailedSignIns ({options.MaxFailedSignIns}) must be between 1 and 100.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Between(List<string> failures, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"AgentConsole:{key} ({value}) must be between {min} and {max}.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    internal static partial Regex AccountName();

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$")]
    internal static partial Regex E164();
}
