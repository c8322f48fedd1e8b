extern alias IvrHost;

using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.EndToEnd.Tests.Hosting;
using IvrHost::PhoneBooking.IvrHost.Callbacks;
using IvrHost::PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.Prompts.Catalog;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Scripts;

namespace PhoneBooking.EndToEnd.Tests.Journeys;

/// <summary>A journey as it went: the scripted call and what it cost.</summary>
public sealed record JourneyRun(Journey Journey, ScriptRun Run, JourneyMeasure Measure);

/// <summary>
/// Runs journeys against one line (the end-to-end host with its own data, the softphone dialling it as
/// Twilio would), each once, with its own caller number, and measures them. Give it to a test class as a
/// class fixture; a journey's <see cref="Journey.Given"/> runs first, on the same line.
/// </summary>
public sealed class JourneyBench : IAsyncLifetime
{
    /// <summary>Prompts that tell the caller something went wrong with their answer.</summary>
    public static readonly IReadOnlyList<string> ApologyPromptIds = ["input.no_input", "input.invalid"];

    /// <summary>
    /// Prompts said round after round while the caller holds for an offer. The first round is the flow's;
    /// more depend on how soon the scheduling API's matcher answers (machine load), so they are counted
    /// apart (<see cref="JourneyMeasure.ExtraHoldRounds"/>), not in the words and webhooks a budget holds.
    /// </summary>
    public static readonly IReadOnlyList<string> HoldPromptIds = ["book.wait.hold", "book.wait.still", "book.wait.hold_long"];

    private readonly ConcurrentDictionary<string, Lazy<Task<JourneyRun>>> _runs = new(StringComparer.Ordinal);
    private int _callers;

    public LineFixture Line { get; } = new();

    public Task InitializeAsync() => Line.InitializeAsync();

    public Task DisposeAsync() => Line.DisposeAsync();

    /// <summary>The journey's run (made once per bench, with the journeys it is given first).</summary>
    public Task<JourneyRun> RunAsync(Journey journey) =>
        _runs.GetOrAdd(journey.Name, _ => new Lazy<Task<JourneyRun>>(() => RunOnceAsync(journey))).Value;

    /// <summary>Every journey of <see cref="JourneyCatalog"/>, in its order.</summary>
    public async Task<IReadOnlyList<JourneyRun>> RunAllAsync()
    {
        var runs = new List<JourneyRun>();
        foreach (var journey in JourneyCatalog.All)
        {
            runs.Add(await RunAsync(journey));
        }

        return runs;
    }

    /// <summary>The script file of a journey, as copied next to the tests.</summary>
    public static string ScriptPath(string name) => Path.Combine(AppContext.BaseDirectory, "Journeys", "scripts", name + ".script");

    private async Task<JourneyRun> RunOnceAsync(Journey journey)
    {
        var text = (await File.ReadAllTextAsync(ScriptPath(journey.Script ?? journey.Name)))
            .Replace("{visit_date}", DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(5).ToString("MMdd", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        if (journey.Given is { } given)
        {
            var before = await RunAsync(JourneyCatalog.Named(given));
            if (text.Contains("{code}", StringComparison.Ordinal))
            {
                text = text.Replace("{code}", before.Measure.Outcome.Code ?? throw new InvalidOperationException($"Journey '{given}' booked no code for '{journey.Name}'."), StringComparison.Ordinal);
            }
        }

        var script = CallScript.Parse(text);
        var from = journey.From ?? string.Create(CultureInfo.InvariantCulture, $"+1613555{7000 + Interlocked.Increment(ref _callers):0000}");
        var run = await Line.CallAsync(script, from);
        return new JourneyRun(journey, run, await MeasureAsync(script, run));
    }

    private async Task<JourneyMeasure> MeasureAsync(CallScript script, ScriptRun run)
    {
        var spoken = run.Call.Transcript.Spoken;
        var apologies = PromptTexts(ApologyPromptIds);
        var holds = PromptTexts(HoldPromptIds);
        var extraHolds = spoken.Where(s => holds.Contains(s.Text)).Skip(1).ToList();
        return new JourneyMeasure(
            Keys: script.Steps.OfType<PressStep>().Sum(p => p.Keys.Length),
            Words: spoken.Sum(s => s.WordsSaid) - extraHolds.Sum(s => s.WordsSaid),
            Webhooks: run.Call.Transcript.Webhooks.Count - extraHolds.Count,
            Apologies: spoken.Count(s => apologies.Any(a => s.Text.Contains(a, StringComparison.Ordinal))),
            Outcome: await OutcomeAsync(script, run.Call))
        {
            ExtraHoldRounds = extraHolds.Count,
        };
    }

    /// <summary>What the line's own records say: the booking in the scheduling API, the call back queued, the handoff.</summary>
    private async Task<JourneyOutcome> OutcomeAsync(CallScript script, CallResult call)
    {
        var services = Line.Line.Services;
        foreach (var code in CodesReadBack(call))
        {
            if (await Line.BookingStatusAsync(code) == "confirmed")
            {
                return JourneyOutcome.Booked with { Code = code };
            }
        }

        // A code the caller typed, as one entry: eight digits, then perhaps the pound key.
        foreach (var code in script.Steps.OfType<PressStep>().Select(p => p.Keys.TrimEnd('#')).Where(k => k.Length == 8 && k.All(char.IsAsciiDigit)))
        {
            if (await Line.BookingStatusAsync(code) == "cancelled")
            {
                return JourneyOutcome.Cancelled with { Code = code };
            }
        }

        foreach (var reference in ReadBack(call, "group.reference", "{reference}", 6))
        {
            if (await Line.GroupVisitStatusAsync(reference) is not null)
            {
                return JourneyOutcome.GroupVisitRequested with { Code = reference };
            }
        }

        var callbacks = await services.GetRequiredService<ICallbackRequests>().ListAsync(CallbackFilter.All, 1000, CancellationToken.None);
        if (callbacks.FirstOrDefault(c => c.Request.CallSid == call.CallSid) is { } callback)
        {
            return JourneyOutcome.CallbackQueued(callback.Request.Kind.ToString());
        }

        if (await services.GetRequiredService<IHandoffDesk>().GetAsync(call.CallSid, CancellationToken.None) is { } handoff)
        {
            return JourneyOutcome.Transferred(handoff.Reason.ToString());
        }

        return new JourneyOutcome(OutcomeKind.HungUp, call.EndReason == EndReason.CallerHungUp ? "caller" : "line");
    }

    /// <summary>The codes the line read out with its <c>booking.code</c> prompt, in any language.</summary>
    private IEnumerable<string> CodesReadBack(CallResult call) => ReadBack(call, "booking.code", "{code}", 8);

    /// <summary>The digits the line read out for <paramref name="placeholder"/> of <paramref name="promptId"/>, in any language.</summary>
    private IEnumerable<string> ReadBack(CallResult call, string promptId, string placeholder, int length)
    {
        var catalog = Line.Line.Services.GetRequiredService<PromptCatalog>();
        var leads = catalog.Locales
            .Select(locale => catalog.Find(promptId, locale)?.Text)
            .OfType<string>()
            .Select(text => text[..text.IndexOf(placeholder, StringComparison.Ordinal)])
            .Select(lead => lead[(lead.LastIndexOfAny(['.', '}']) + 1)..].Trim())
            .ToList();
        foreach (var said in call.Transcript.Spoken)
        {
            foreach (var lead in leads)
            {
                var at = said.Text.IndexOf(lead, StringComparison.Ordinal);
                if (at >= 0)
                {
                    var digits = new string([.. said.Text[(at + lead.Length)..].TakeWhile(c => !char.IsLetter(c)).Where(char.IsAsciiDigit)]);
                    if (digits.Length == length)
                    {
                        yield return digits;
                    }
                }
            }
        }
    }

    /// <summary>The prompts' texts in every language (those without placeholders are said exactly so).</summary>
    private HashSet<string> PromptTexts(IEnumerable<string> ids)
    {
        var catalog = Line.Line.Services.GetRequiredService<PromptCatalog>();
        return [.. catalog.Locales.SelectMany(locale => ids.Select(id => catalog.Find(id, locale)?.Text)).OfType<string>()];
    }
}
