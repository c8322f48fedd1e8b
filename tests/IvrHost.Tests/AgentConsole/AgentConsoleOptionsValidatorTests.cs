using PhoneBooking.IvrHost.AgentConsole;
using PhoneBooking.IvrHost.AgentConsole.Accounts;

namespace PhoneBooking.IvrHost.Tests.AgentConsole;

public sealed class AgentConsoleOptionsValidatorTests
{
    private static readonly string Hash = PasswordHashes.Hash("a good password");

    [Fact]
    public void Validate_GoodAccounts_Succeeds()
    {
        var options = new AgentConsoleOptions
        {
            Accounts =
            [
                new AgentAccount { Name = "alice", Role = "Agent", PasswordHash = Hash, Phone = "+14165550123" },
                new AgentAccount { Name = "sam.lead", Role = "Supervisor", PasswordHash = Hash, SipAddress = "sip:sam@pbx.example.org" },
            ],
        };

        Assert.True(new AgentConsoleOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_BadAccounts_EachProblemQuotesTheValue_NeverThePasswordOrHash()
    {
        var options = new AgentConsoleOptions
        {
            Accounts =
            [
                new AgentAccount { Name = "alice", Role = "Admin", PasswordHash = "plain-text-password", Phone = "416-555-0123" },
                new AgentAccount { Name = "ALICE", Role = "Agent", PasswordHash = Hash, SipAddress = "pbx.example.org" },
                new AgentAccount { Name = "bad name", Role = "Agent", PasswordHash = Hash },
            ],
            RefreshInterval = TimeSpan.Zero,
        };

        var result = new AgentConsoleOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.Contains("Role ('Admin')", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("PasswordHash (account 'alice')", StringComparison.Ordinal) && f.Contains("hash-password", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Phone ('416-555-0123')", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Name ('ALICE') is used by another account", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("SipAddress ('pbx.example.org')", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Name ('bad name')", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("RefreshInterval (00:00:00)", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("plain-text-password", StringComparison.Ordinal) || f.Contains(Hash, StringComparison.Ordinal));
    }

    [Fact]
    public void PasswordHashCommand_HashesStandardInput_ThatTheHasherVerifies()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = PasswordHashCommand.Run(new StringReader("a long enough secret\n"), output, error, interactive: false);

        Assert.Equal(0, exit);
        var hash = output.ToString().Trim();
        Assert.True(PasswordHashes.IsV3(hash));
        Assert.True(PasswordHashes.Verify(hash, "a long enough secret"));
        Assert.False(PasswordHashes.Verify(hash, "another secret"));
    }

    [Fact]
    public void PasswordHashCommand_ShortPassword_Refused()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, PasswordHashCommand.Run(new StringReader("short\n"), output, error, interactive: false));
        Assert.Empty(output.ToString());
    }
}
