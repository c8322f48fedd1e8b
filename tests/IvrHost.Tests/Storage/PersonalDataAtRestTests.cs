using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using PhoneBooking.IvrHost.Storage;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.IvrHost.Tests.Voice;
using PhoneBooking.Storage;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Storage;

/// <summary>
/// Issue 12 item 5, as the attack: someone copies the line's database file (a backup, a disk image) and
/// searches it for what callers said. Calls that book and text, ask for a call back, and go to a person
/// leave their birth dates, numbers and confirmation code in the file only as ciphertext. SQLite: the attacker
/// reads the file's bytes (and its WAL), not just the rows a query returns.
/// </summary>
public sealed partial class PersonalDataAtRestTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task DatabaseFileCopied_SearchedForWhatCallersSaid_FindsNoneOfIt()
    {
        using var twilio = TwilioApiStub.Start();
        var settings = new Dictionary<string, string?> { ["Storage:DataDirectory"] = _data.Path, ["Twilio:ApiBaseUrl"] = twilio.BaseUrl.ToString() };
        using var line = IvrHostFactory.WithEmbeddedApi(settings, StorageProvider.Sqlite);

        var booker = new SignedWebhooks(line.CreateClient(), SignedWebhooks.NewCallSid(), from: "+14165550123");
        await Caller.UntilWaitChoiceAsync(booker); // born 1950-03-05
        await booker.PressAsync("1"); // wait on the line
        await Caller.HoldUntilOfferAsync(booker);
        var booked = SignedWebhooks.Heard(await booker.PressAsync("1"));
        Assert.Contains("We sent you a text message", SignedWebhooks.Heard(await booker.PressAsync("2")), StringComparison.Ordinal);
        var code = CodeIn(booked);

        var calledBack = new SignedWebhooks(line.CreateClient(), SignedWebhooks.NewCallSid(), from: "+16135550142");
        await Caller.UntilWaitChoiceAsync(calledBack);
        await calledBack.PressAsync("2"); // a call back
        Assert.Contains("We will call you at", SignedWebhooks.Heard(await calledBack.PressAsync("1")), StringComparison.Ordinal);

        var handedOff = new SignedWebhooks(line.CreateClient(), SignedWebhooks.NewCallSid(), from: "+15145550177");
        await handedOff.DialAsync();
        await handedOff.PressAsync("1"); // English
        await handedOff.PressAsync("1"); // book
        await handedOff.TypeAsync("19470814#");
        Assert.Single((await handedOff.PressAsync("0")).Descendants("Enqueue")); // a person, with what was said so far

        await using (var rows = LineTestStorage.OpenRaw(line.Settings))
        {
            // The rows are there (the search below has something to search).
            Assert.Equal(3L, await rows.ExecuteScalarAsync<long>("SELECT count(*) FROM call_sessions"));
            Assert.Equal(1L, await rows.ExecuteScalarAsync<long>("SELECT count(*) FROM callbacks"));
            Assert.Equal(1L, await rows.ExecuteScalarAsync<long>("SELECT count(*) FROM handoffs"));
        }

        SqliteConnection.ClearAllPools();
        var copied = Copy(Path.Combine(_data.Path, LineStorage.SqliteFileName));
        Assert.Contains("pb1.", copied, StringComparison.Ordinal);
        foreach (var said in new[] { "1950-03-05", "19500305", "1947-08-14", "19470814", "4165550123", "6135550142", "5145550177", code })
        {
            Assert.DoesNotContain(said, copied, StringComparison.Ordinal);
        }
    }

    /// <summary>The file and its write-ahead log as bytes, read as text (every ASCII run shows).</summary>
    private static string Copy(string file)
    {
        var text = new StringBuilder(Encoding.Latin1.GetString(File.ReadAllBytes(file)));
        if (File.Exists(file + "-wal"))
        {
            text.Append(Encoding.Latin1.GetString(File.ReadAllBytes(file + "-wal")));
        }

        return text.ToString();
    }

    private static string CodeIn(string heard)
    {
        var spoken = SpokenCode().Match(heard);
        Assert.True(spoken.Success, $"no code in: {heard}");
        var code = string.Concat(spoken.Groups[1].Value.Where(char.IsAsciiDigit));
        Assert.Equal(8, code.Length);
        return code;
    }

    [GeneratedRegex(@"confirmation code is ([\d\s,.\-]+)")]
    private static partial Regex SpokenCode();
}
