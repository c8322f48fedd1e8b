using PhoneBooking.IvrHost.AgentConsole.Audit;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Voice;
using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.AgentConsole.Switches;

/// <summary>
/// The switches as this instance knows them: a snapshot read from the database in the background
/// (<see cref="SwitchRefresher"/>), so a webhook or a dialer pass reads a field and never waits for a
/// database. A supervisor's change applies here at once and on every other instance at its next refresh.
/// When the database cannot be read, the last known switches stay (a blip must not turn a feature back on).
/// </summary>
public sealed class StoredSwitchBoard(SwitchStore store, AuditTrail audit, TimeProvider clock) : ILineSwitchBoard
{
    private volatile IReadOnlyList<SwitchState> _states = [];
    private volatile LineSwitches _current = LineSwitches.AllOn;

    public LineSwitches Current => _current;

    /// <summary>Every feature, in the order the console lists them: off with who and when, or on (with who and when if ever switched).</summary>
    public IReadOnlyList<(LineFeature Feature, SwitchState? State)> All =>
        [.. Enum.GetValues<LineFeature>().Select(f => (f, _states.FirstOrDefault(s => s.Feature == f)))];

    public async Task RefreshAsync(CancellationToken cancellationToken) => Apply(await store.ReadAsync(cancellationToken));

    /// <summary>Turns <paramref name="feature"/> off or on for every instance, and audits who did it.</summary>
    public async Task SetAsync(LineFeature feature, bool off, string supervisor, CancellationToken cancellationToken)
    {
        await store.SetAsync(new SwitchState(feature, off, supervisor, clock.GetUtcNow()), cancellationToken);
        await RefreshAsync(cancellationToken);
        await audit.RecordAsync(supervisor, off ? AuditActions.SwitchOff : AuditActions.SwitchOn, null, AuditOutcomes.Ok, DbValues.Word(feature), cancellationToken);
    }

    private void Apply(IReadOnlyList<SwitchState> states)
    {
        _states = states;
        _current = new LineSwitches(states.Where(s => s.Off).Select(s => s.Feature).ToHashSet());
    }
}
