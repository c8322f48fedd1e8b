using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.Outbound;
using PhoneBooking.IvrHost.Sessions;
using PhoneBooking.IvrHost.Storage;
using PhoneBooking.IvrHost.Tests.Callbacks.Support;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Migrations;
using PhoneBooking.Storage.Sqlite;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Outbound;

/// <summary>
/// The caps on texts, on the real SQLite ledger: once per booking per call, a few per call, a few per
/// number a day — counted together by every instance on the file, and never keeping a number in clear.
/// </summary>
public sealed class OutboundTextsTests : IDisposable
{
    private const string Caller = "+16135550199";

    private readonly TempDirectory _data = new();
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Fact]
    public async Task SameBookingTwiceInOneCall_SecondIsAlreadySent()
    {
        var texts = await OpenAsync();

        Assert.True((await texts.ClearAsync("CA1", Caller, "48213907", default)).Allowed);
        Assert.Equal(TextClearance.AlreadySent, (await texts.ClearAsync("CA1", Caller, "48213907", default)).Refusal);
    }

    [Fact]
    public async Task OneNumberFromManyCalls_CappedAtFiveADay_ThenFreeAgain()
    {
        var texts = await OpenAsync();
        for (var call = 0; call < 5; call++)
        {
            Assert.True((await texts.ClearAsync($"CA{call}", Caller, $"code-{call}", default)).Allowed);
        }

        Assert.Equal(RefusalReasons.PerNumberCap, (await texts.ClearAsync("CA9", Caller, "code-9", default)).Refusal);
        Assert.True((await texts.ClearAsync("CA9", "+16135550198", "code-9", default)).Allowed);

        _clock.Advance(TimeSpan.FromHours(24));
        Assert.True((await texts.ClearAsync("CA10", Caller, "code-10", default)).Allowed);
    }

    [Fact]
    public async Task OneCallToManyNumbers_CappedAtFive()
    {
        var texts = await OpenAsync();
        for (var person = 0; person < 5; person++)
        {
            Assert.True((await texts.ClearAsync("CA1", $"+1613226{1000 + person}", $"code-{person}", default)).Allowed);
        }

        Assert.Equal(RefusalReasons.PerCallCap, (await texts.ClearAsync("CA1", "+16132262000", "code-9", default)).Refusal);
    }

    [Fact]
    public async Task TwoInstancesOnOneFile_CountTogether()
    {
        var one = await OpenAsync();
        var other = await OpenAsync();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? one : other).ClearAsync($"CA{i}", Caller, $"code-{i}", default)));

        Assert.Equal(RefusalReasons.PerNumberCap, (await one.ClearAsync("CA99", Caller, "code-99", default)).Refusal);
        Assert.Equal(5, await CountRowsAsync());
    }

    [Fact]
    public async Task NotSent_CountsForNothing()
    {
        var texts = await OpenAsync();

        var first = await texts.ClearAsync("CA1", Caller, "48213907", default);
        await texts.NotSentAsync(first, default);

        Assert.True((await texts.ClearAsync("CA1", Caller, "48213907", default)).Allowed);
    }

    [Fact]
    public async Task Ledger_KeepsNeitherTheNumberNorTheCode()
    {
        var texts = await OpenAsync();
        await texts.ClearAsync("CA1", Caller, "48213907", default);

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_data.File("sessions.db")}");
        var row = await connection.QuerySingleAsync<string>("SELECT call_key || ' ' || number_key || ' ' || subject_key FROM outbound_texts");

        Assert.DoesNotContain("6135550199", row, StringComparison.Ordinal);
        Assert.DoesNotContain("48213907", row, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _metrics.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    private async Task<OutboundTexts> OpenAsync()
    {
        var database = new SqliteDatabase(new DataDirectory(_data.Path), Options.Create(new StorageOptions()), LineStorage.SqliteFileName);
        await new SqliteSchemaMigrator(database, [OutboundServiceCollectionExtensions.Schema], _clock).MigrateAsync(CancellationToken.None);
        var options = new FixedOptions<OutboundOptions>(new OutboundOptions());
        return new OutboundTexts(
            new OutboundPolicy(options),
            new TextLedger(database),
            new CallerKeys(System.Text.Encoding.UTF8.GetBytes("test-caller-key-secret-000000000")),
            new OutboundMetrics(_metrics.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
            _clock,
            options,
            NullLogger<OutboundTexts>.Instance);
    }

    private async Task<long> CountRowsAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_data.File("sessions.db")}");
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM outbound_texts");
    }
}
