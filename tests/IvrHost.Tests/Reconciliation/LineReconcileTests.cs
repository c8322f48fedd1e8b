using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Deferred;
using PhoneBooking.IvrHost.Reconciliation;
using PhoneBooking.IvrHost.Tests.Callbacks.Support;
using PhoneBooking.IvrHost.Tests.Storage;
using PhoneBooking.SchedulingClient.Contracts;
using PhoneBooking.Storage.Integrity;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Reconciliation;

/// <summary>
/// The line's <c>reconcile</c> on a database its own code filled (a callback dialled, one request deferred
/// and one submitted): every rule holds; then each is broken in turn, as a bug or a hand edit would, and the
/// report names it. Runs on the run's provider (<c>PHONEBOOKING_TEST_STORAGE</c>: SQLite, or PostgreSQL).
/// </summary>
public sealed class LineReconcileTests : IDisposable
{
    /// <summary>Each broken rule: the SQL that breaks it, and the checks that must then report (no others).</summary>
    private static readonly Dictionary<string, (string[] Sql, string[] Broken)> Corrupt = new()
    {
        ["attempt counter drifted"] = (["UPDATE callbacks SET attempts = attempts + 1"], ["attempts"]),
        ["dialled twice at once"] = (
            [
                "INSERT INTO callback_attempts (callback_id, number, state, owner, created_at, updated_at) SELECT callback_id, number + 1, 'ringing', owner, created_at, updated_at FROM callback_attempts",
                "UPDATE callbacks SET attempts = attempts + 1",
            ],
            ["placed-once"]),
        ["submitted without a request"] = (["UPDATE deferred_requests SET status = 'submitted', submitted_at = created_at WHERE status = 'pending'"], ["deferred"]),
        ["unknown status"] = (["UPDATE deferred_requests SET status = 'lost' WHERE status = 'submitted'"], ["deferred"]),
    };

    private readonly ManualTimeProvider _clock = new(DialerHost.Afternoon);
    private readonly DialerHost _line;

    public LineReconcileTests() => _line = new DialerHost(_clock);

    public static TheoryData<string> Corruptions() => [.. Corrupt.Keys];

    public void Dispose() => _line.Dispose();

    [Fact]
    public async Task Reconcile_DataTheLineWrote_EveryRuleHolds()
    {
        await FillAsync();

        var (exit, report) = await ReconcileAsync();

        Assert.True(exit == IntegrityReport.ExitConsistent, report);
        Assert.Contains("consistent: 3 checks hold", report, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Corruptions))]
    public async Task Reconcile_OneRuleBroken_ReportsItAndExits1(string corruption)
    {
        await FillAsync();
        await using (var connection = LineTestStorage.OpenRaw(_line.DataDirectory))
        {
            foreach (var sql in Corrupt[corruption].Sql)
            {
                await connection.ExecuteAsync(sql);
            }
        }

        var (exit, report) = await ReconcileAsync();

        Assert.Equal(IntegrityReport.ExitInconsistent, exit);
        var broken = report.Split('\n').Where(line => line.StartsWith("FAIL  ", StringComparison.Ordinal)).Select(line => line[6..line.IndexOf(':', StringComparison.Ordinal)]);
        Assert.Equal(Corrupt[corruption].Broken, broken);
        Assert.DoesNotContain("4162223344", report, StringComparison.Ordinal);
    }

    /// <summary>An agent callback dialled (its attempt still ringing), a deferred request pending and one submitted.</summary>
    private async Task FillAsync()
    {
        await _line.SaveAsync(DialerHost.Callback("+14162223344", CallbackKind.Agent));
        await _line.PassAsync();
        Assert.Single(_line.Twilio.Calls);
        var deferred = _line.Services.GetRequiredService<IDeferredRequestStore>();
        await deferred.SaveAsync("dk-pending", "CA00000000000000000000000000000011", Submission(), CancellationToken.None);
        await deferred.SaveAsync("dk-sent", "CA00000000000000000000000000000012", Submission(), CancellationToken.None);
        Assert.True(await deferred.MarkSubmittedAsync("dk-sent", "br_9", CancellationToken.None));
    }

    private async Task<(int Exit, string Report)> ReconcileAsync()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await LineReconcileCommand.RunAsync(_line.Services, output, error);
        return (exit, output + error.ToString());
    }

    private static BookingRequestSubmission Submission() => new(
        new Person(new DateOnly(1950, 3, 5), "Ada Lovelace", "1234-567-890-AB", "en-CA"),
        [new Preference(PartOfDay.Any)],
        Channel.Phone,
        "+14165550123",
        HoldStart.OnDelivery);
}
