extern alias IvrHost;

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IvrHost::PhoneBooking.IvrHost.Callbacks;
using IvrHost::PhoneBooking.IvrHost.Handoffs;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.EndToEnd.Tests.Calls;
using PhoneBooking.EndToEnd.Tests.Hosting;
using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Softphone.Transcripts;
using Xunit.Abstractions;

namespace PhoneBooking.EndToEnd.Tests.Journeys;

/// <summary>
/// The journeys of issue 15, each a script a senior (or a coordinator, or an attacker) follows through the
/// softphone: each must end as it should, within its budget. The table in docs/caller-experience.md is what
/// this prints:
/// <c>dotnet test tests/EndToEnd.Tests --filter CallerJourneyTests --logger "console;verbosity=detailed"</c>
/// (with <c>JOURNEY_TRANSCRIPT=plain-booking</c>, that journey's whole transcript too).
/// </summary>
public sealed partial class CallerJourneyTests(LineFixture line, ITestOutputHelper output) : IClassFixture<LineFixture>
{
    [Fact]
    public async Task Journeys_EveryOne_EndsAsItShould_WithinItsBudget()
    {
        var rows = new List<(CallerJourney Journey, JourneyMeasure Measure, string Ended)>();
        var problems = new List<string>();
        var codes = new Dictionary<string, string>();
        foreach (var journey in CallerJourneys.All)
        {
            if (journey.Given is { } given)
            {
                var setup = await RunAsync(CallerJourneys.Named(given) is { From: "" } fromHere ? fromHere with { From = journey.From } : CallerJourneys.Named(given), codes);
                problems.AddRange(setup.Problems.Select(p => $"{journey.Name} (given {given}): {p}"));
            }

            var run = await RunAsync(journey, codes);
            rows.Add((journey, run.Measure, run.Ended));
            problems.AddRange(run.Problems.Select(p => $"{journey.Name}: {p}"));
        }

        output.WriteLine(Table(rows));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>The refusal, from the line's own records: the attacker's call read nothing of the request, and it is closed to phone resumes.</summary>
    [Fact]
    public async Task SpoofedCallerId_AfterTheRefusal_EvenTheRightBirthDateCannotContinueByPhone()
    {
        const string victim = "+16135550799";
        var codes = new Dictionary<string, string>();
        Assert.Empty((await RunAsync(CallerJourneys.Named("asked-for-a-call-back") with { From = victim }, codes)).Problems);
        var attack = await RunAsync(CallerJourneys.Named("spoofed-caller-id") with { From = victim }, codes);
        Assert.Empty(attack.Problems);
        Assert.Equal("hung up", attack.Ended);

        var again = await line.CallAsync(Calls.Scripts.MainMenu().HangUp(), from: victim);

        again.AssertPassedCleanly();
        Assert.DoesNotContain(again.Call.Transcript.Heard, h => h.Contains("Welcome back", StringComparison.Ordinal));
    }

    private async Task<(JourneyMeasure Measure, string Ended, IReadOnlyList<string> Problems)> RunAsync(CallerJourney journey, Dictionary<string, string> codes)
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var script = CallScript.Parse(CallerJourneys.Script(journey.Name, today, journey.Given is { } given ? codes.GetValueOrDefault(given) : null));
        var run = await line.CallAsync(script, from: journey.From);
        if (Environment.GetEnvironmentVariable("JOURNEY_TRANSCRIPT") == journey.Name)
        {
            output.WriteLine(run.Call.ToString());
        }

        var measure = JourneyMeasure.Of(script, run);
        var problems = new List<string>();
        var (ended, endingProblems) = await EndingAsync(journey, run);
        if (!run.Passed)
        {
            problems.Add($"{run.Verdict}{Environment.NewLine}{run.Call}");
            return (measure, ended, problems);
        }

        if (run.Call.Transcript.Notifications.Count > 0)
        {
            problems.Add($"Twilio would log: {string.Join("; ", run.Call.Transcript.Notifications)}");
        }

        if (Code().Match(run.Call.Heard()) is { Success: true } code)
        {
            codes[journey.Name] = new string([.. code.Groups[1].Value.Where(char.IsAsciiDigit)]);
        }

        problems.AddRange(endingProblems);
        problems.AddRange(Overruns(journey.Budget, measure));
        return (measure, ended, problems);
    }

    /// <summary>How the call ended, as the caller heard it and as the line's records say; and what differs from the journey's ending.</summary>
    private async Task<(string Ended, IEnumerable<string> Problems)> EndingAsync(CallerJourney journey, ScriptRun run)
    {
        var heard = run.Call.Heard();
        var handoff = await line.Line.Services.GetRequiredService<IHandoffDesk>().GetAsync(run.Call.CallSid, CancellationToken.None);
        var callbacks = await line.Line.Services.GetRequiredService<ICallbackRequests>().ListAsync(CallbackFilter.All, 500, CancellationToken.None);
        var calledBack = callbacks.Any(c => c.Request.CallSid == run.Call.CallSid);
        var revealed = Code().IsMatch(heard) || heard.Contains("We have a time", StringComparison.Ordinal);
        var ended = string.Join(", ", new[]
        {
            Code().IsMatch(heard) ? "code read" : null,
            heard.Contains("is cancelled", StringComparison.Ordinal) ? "cancelled" : null,
            heard.Contains("Your reference is", StringComparison.Ordinal) ? "reference read" : null,
            calledBack ? "call back saved" : null,
            handoff is not null ? $"to a person ({handoff.Reason})" : null,
            journey.Ending == Ending.NothingRevealed && revealed ? "REQUEST REVEALED" : null,
        }.OfType<string>().DefaultIfEmpty("hung up"));
        var problems = new List<string>();
        void Expect(bool holds, string what)
        {
            if (!holds)
            {
                problems.Add(what);
            }
        }

        switch (journey.Ending)
        {
            case Ending.Booked:
                Expect(Code().IsMatch(heard), "no confirmation code was read back");
                Expect(handoff is null, $"handed to a person ({handoff?.Reason})");
                break;
            case Ending.Cancelled:
                Expect(heard.Contains("is cancelled", StringComparison.Ordinal), "no cancellation was heard");
                Expect(handoff is null, $"handed to a person ({handoff?.Reason})");
                break;
            case Ending.CallbackQueued:
                Expect(calledBack, "no call back was saved for this call");
                break;
            case Ending.Transferred:
                Expect(handoff is not null, "no handoff was recorded for the agents");
                break;
            case Ending.GroupVisitRequested:
                Expect(heard.Contains("Your reference is", StringComparison.Ordinal), "no reference was read back");
                Expect(handoff is null, $"handed to a person ({handoff?.Reason})");
                break;
            case Ending.NothingRevealed:
                Expect(!Code().IsMatch(heard) && !heard.Contains("We have a time", StringComparison.Ordinal) && !heard.Contains("still in line", StringComparison.Ordinal), "something of the request was said");
                Expect(handoff is null && !calledBack, "the call was handed over or promised a call back");
                break;
        }

        Expect(journey.Ending == Ending.Transferred || handoff is null || journey.Name == "holding-for-a-person", "the caller was queued for a person without asking");
        return (ended, problems);
    }

    private static IEnumerable<string> Overruns(Budget budget, JourneyMeasure measure)
    {
        if (measure.Keys > budget.Keys)
        {
            yield return $"{measure.Keys} keys > {budget.Keys}";
        }

        // Counted as if the caller listened to every prompt to its end: the most a patient senior hears.
        if (measure.PromptSeconds > budget.SpeechSeconds)
        {
            yield return $"{measure.PromptSeconds:0} s of speech > {budget.SpeechSeconds:0}";
        }

        if (measure.Webhooks > budget.Webhooks)
        {
            yield return $"{measure.Webhooks} webhooks > {budget.Webhooks}";
        }

        if (measure.Apologies > budget.Apologies)
        {
            yield return $"{measure.Apologies} apologies > {budget.Apologies}";
        }
    }

    private static string Table(IEnumerable<(CallerJourney Journey, JourneyMeasure Measure, string Ended)> rows)
    {
        var table = new StringBuilder();
        table.AppendLine("| journey | ended | keys | speech (s) | heard (s) | webhooks | apologies | call (s) |");
        table.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (journey, m, ended) in rows)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| {journey.Name} | {ended} | {m.Keys} | {m.PromptSeconds:0} | {m.SpeechSeconds:0} | {m.Webhooks} | {m.Apologies} | {m.CallSeconds:0} |");
        }

        return table.ToString();
    }

    [GeneratedRegex(@"(?:confirmation code is|code de confirmation est :?) ([\d\s,.]+)")]
    private static partial Regex Code();
}

/// <summary>
/// What a journey cost the caller: keys pressed, words heard (words cut off by the caller's keys do not count)
/// and words of the prompts in full, in seconds at 150 a minute; webhooks; apologies for a missed answer; and
/// the call's length (the softphone's clock: speech, pauses, timeouts and the wait for an offer).
/// </summary>
public sealed partial record JourneyMeasure(int Keys, int Words, int PromptWords, int Webhooks, int Apologies, double CallSeconds)
{
    public const int WordsPerMinute = 150;

    public double SpeechSeconds => Words * 60.0 / WordsPerMinute;

    public double PromptSeconds => PromptWords * 60.0 / WordsPerMinute;

    public static JourneyMeasure Of(CallScript script, ScriptRun run)
    {
        var said = run.Call.Transcript.Entries.Where(e => e.Kind == TranscriptKind.Say).Select(e => Heard(e.Text)).ToList();
        return new JourneyMeasure(
            script.Steps.OfType<PressStep>().Sum(p => p.Keys.Length),
            said.Sum(text => WordPattern().Count(text)),
            run.Call.Transcript.Webhooks.Where(w => w.ContentType?.StartsWith("text/xml", StringComparison.Ordinal) == true)
                .Sum(w => System.Xml.Linq.XDocument.Parse(w.Body).Descendants("Say").Sum(say => WordPattern().Count(say.Value))),
            run.Call.Transcript.Webhooks.Count,
            said.Count(text => Apology().IsMatch(text)),
            run.Call.Duration.TotalSeconds);
    }

    /// <summary>A Say's words as heard: without the voice's label, without what the caller's key cut off.</summary>
    private static string Heard(string text) => Label().Replace(text, "").Replace("… (stopped before the first word)", "", StringComparison.Ordinal).Replace("…", "", StringComparison.Ordinal);

    [GeneratedRegex(@"\s\[[^\]]*\]$")]
    private static partial Regex Label();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex("^(Sorry, I did not|Pardon, je n'ai)")]
    private static partial Regex Apology();
}
