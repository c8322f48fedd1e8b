using Dapper;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.AgentConsole.Switches;

/// <summary>One feature's switch: off or on, who set it and when.</summary>
public sealed record SwitchState(LineFeature Feature, bool Off, string SetBy, DateTimeOffset SetAt);

/// <summary>The <c>line_switches</c> table (<c>AgentConsole/Switches/Migrations</c>): the same SQL on both providers.</summary>
public sealed class SwitchStore(IDatabase database)
{
    public async Task<IReadOnlyList<SwitchState>> ReadAsync(CancellationToken cancellationToken)
    {
        var rows = await database.ReadAsync(
            connection => connection.QueryAsync<Row>(new CommandDefinition(
                "SELECT feature AS Feature, is_off AS IsOff, set_by AS SetBy, set_at AS SetAt FROM line_switches", cancellationToken: cancellationToken)),
            cancellationToken);
        return [.. rows.Select(r => new SwitchState(DbValues.Enum<LineFeature>(r.Feature), r.IsOff == 1, r.SetBy, DbValues.Instant(r.SetAt)))];
    }

    public Task SetAsync(SwitchState state, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO line_switches (feature, is_off, set_by, set_at) VALUES (@Feature, @IsOff, @SetBy, @SetAt)
                ON CONFLICT (feature) DO UPDATE SET is_off = excluded.is_off, set_by = excluded.set_by, set_at = excluded.set_at
                """,
                new { Feature = DbValues.Word(state.Feature), IsOff = state.Off ? 1 : 0, state.SetBy, SetAt = DbValues.Ms(state.SetAt) },
                cancellationToken: cancellationToken)),
            cancellationToken);

    /// <summary>Set by name: the providers type the columns differently (integer, bigint).</summary>
    private sealed class Row
    {
        public string Feature { get; init; } = "";

        public long IsOff { get; init; }

        public string SetBy { get; init; } = "";

        public long SetAt { get; init; }
    }
}
