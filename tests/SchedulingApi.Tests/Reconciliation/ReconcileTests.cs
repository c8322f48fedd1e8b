using System.Diagnostics;
using System.Net;
using PhoneBooking.SchedulingApi.Reconciliation;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Integrity;

namespace PhoneBooking.SchedulingApi.Tests.Reconciliation;

/// <summary>
/// <c>reconcile</c> on a database the API filled through its endpoints (bookings, a decline, a cancellation,
/// an offer still held): it holds; then each rule is broken in turn, as a bug or a hand edit would, on both
/// providers, and the report names it with exit code 1.
/// </summary>
public sealed class ReconcileTests
{
    public static TheoryData<StorageProvider, string> Corruptions()
    {
        var data = new TheoryData<StorageProvider, string>();
        foreach (var provider in new[] { StorageProvider.Sqlite, StorageProvider.Postgres })
        {
            foreach (var corruption in Corrupt.Keys)
            {
                data.Add(provider, corruption);
            }
        }

        return data;
    }

    /// <summary>Each broken rule: the SQL that breaks it, and the checks that must then report (no others).</summary>
    private static readonly Dictionary<string, (string[] Sql, string[] Broken)> Corrupt = new()
    {
        // A window shrunk under its booking (the CHECK keeps remaining <= capacity, so remaining drops too).
        ["overbooked window"] = (["UPDATE windows SET capacity = 0, remaining = 0 WHERE id = (SELECT window_id FROM bookings WHERE status = 'confirmed' LIMIT 1)"], ["capacity", "remaining"]),
        ["lost place"] = (["UPDATE windows SET remaining = remaining - 1 WHERE id = (SELECT window_id FROM offers WHERE status = 'pending' LIMIT 1)"], ["remaining"]),
        ["second pending offer"] = (
            [
                "INSERT INTO offers (id, request_id, window_id, status, offered_ms, expires_ms) SELECT 'of_duplicate', request_id, window_id, 'pending', offered_ms, expires_ms FROM offers WHERE status = 'pending'",
                "UPDATE windows SET remaining = remaining - 1 WHERE id = (SELECT window_id FROM offers WHERE id = 'of_duplicate')",
                "INSERT INTO events (type, occurred_ms, request_id, offer_id) SELECT 'offer.made', offered_ms, request_id, id FROM offers WHERE id = 'of_duplicate'",
            ],
            ["one-offer"]),
        ["accepted offer without booking"] = (["UPDATE offers SET status = 'accepted' WHERE status = 'declined'"], ["offers-bookings"]),
        ["lost event"] = (["DELETE FROM events WHERE type = 'booking.confirmed'"], ["events"]),
    };

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Reconcile_DataTheApiWrote_EveryRuleHolds(StorageProvider provider)
    {
        await using var api = await FilledAsync(provider);

        var (exit, report) = await ReconcileAsync(api);

        Assert.True(exit == IntegrityReport.ExitConsistent, report);
        Assert.Equal(5, report.Split('\n').Count(line => line.StartsWith("ok    ", StringComparison.Ordinal)));
        Assert.Contains("consistent: 5 checks hold", report, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Corruptions))]
    public async Task Reconcile_OneRuleBroken_ReportsItAndExits1(StorageProvider provider, string corruption)
    {
        await using var api = await FilledAsync(provider);
        foreach (var sql in Corrupt[corruption].Sql)
        {
            await api.ExecuteRawAsync(sql);
        }

        var (exit, report) = await ReconcileAsync(api);

        Assert.Equal(IntegrityReport.ExitInconsistent, exit);
        var broken = report.Split('\n').Where(line => line.StartsWith("FAIL  ", StringComparison.Ordinal)).Select(line => line[6..line.IndexOf(':', StringComparison.Ordinal)]);
        Assert.Equal(Corrupt[corruption].Broken, broken);
        Assert.DoesNotContain(TestSettings.SeniorBirthDate, report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReconcileCommand_AsAnOperatorRunsIt_ExitCodeAndReport()
    {
        await using var api = await FilledAsync(StorageProvider.Sqlite);

        var clean = await RunProgramAsync("reconcile", "--Storage:DataDirectory", api.DataDirectory);
        await api.ExecuteRawAsync(Corrupt["lost event"].Sql[0]);
        var broken = await RunProgramAsync("reconcile", "--Storage:DataDirectory", api.DataDirectory);
        var nowhere = await RunProgramAsync("reconcile", "--Storage:DataDirectory", Path.Combine(api.DataDirectory, "not-here"));

        Assert.True(clean.Exit == 0, clean.Output);
        Assert.Contains("consistent: 5 checks hold", clean.Output, StringComparison.Ordinal);
        Assert.Equal(1, broken.Exit);
        Assert.Contains("FAIL  events", broken.Output, StringComparison.Ordinal);
        Assert.Contains("no booking.confirmed event", broken.Output, StringComparison.Ordinal);
        Assert.Equal(2, nowhere.Exit);
        Assert.Contains("no database at", nowhere.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(api.DataDirectory, "not-here", "scheduling.db")), "reconcile must not create a database");
    }

    /// <summary>Two bookings (one cancelled), a declined offer, an offer still held, a request queued.</summary>
    private static async Task<TestApi> FilledAsync(StorageProvider provider)
    {
        var api = await TestApi.StartAsync(provider: provider);
        var requests = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            requests.Add((await api.Client.SubmitAsync()).RequestId);
        }

        await api.MatchAsync();
        var booked = await (await api.Client.AcceptAsync((await api.Client.OfferAsync(requests[0])).OfferId)).ReadAsync<AcceptOfferResponse>();
        var cancelledToo = await (await api.Client.AcceptAsync((await api.Client.OfferAsync(requests[1])).OfferId)).ReadAsync<AcceptOfferResponse>();
        await (await api.Client.PostAsync("/v1/bookings/cancel", new { cancelledToo.Booking.ConfirmationCode, birthDate = TestSettings.SeniorBirthDate }, ApiCalls.NewKey())).ReadAsync<BookingResponse>();
        Assert.Equal(HttpStatusCode.OK, (await api.Client.DeclineAsync((await api.Client.OfferAsync(requests[2])).OfferId)).StatusCode);
        Assert.Equal(RequestStatus.Booked, (await api.Client.StatusAsync(booked.RequestId)).Status);
        Assert.Equal(RequestStatus.Offered, (await api.Client.StatusAsync(requests[3])).Status);
        return api;
    }

    private static async Task<(int Exit, string Report)> ReconcileAsync(TestApi api)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ReconcileCommand.RunAsync(api.Services, output, error);
        return (exit, output + error.ToString());
    }

    /// <summary>The API's program in its own process, as <c>dotnet run --project src/SchedulingApi -- …</c> runs it.</summary>
    private static async Task<(int Exit, string Output)> RunProgramAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(SchedulingApiApp).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
