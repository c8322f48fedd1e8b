namespace PhoneBooking.Line.Bench.Surge;

/// <summary>One step of the ramp: <see cref="Multiple"/> × capacity new calls a second, held for <see cref="Hold"/> from <see cref="Start"/>.</summary>
internal sealed record SurgePhase(int Index, double Multiple, double CallsPerSecond, TimeSpan Start, TimeSpan Hold)
{
    public string Name => $"{Multiple:0.##}x";

    /// <summary>Calls offered in the phase: evenly spaced arrivals, one every 1/rate seconds (at least one).</summary>
    public int Calls => Math.Max(1, (int)Math.Round(CallsPerSecond * Hold.TotalSeconds, MidpointRounding.AwayFromZero));

    /// <summary>When the <paramref name="call"/>-th call of the phase dials, from the start of the surge.</summary>
    public TimeSpan ArrivalOf(int call) => Start + TimeSpan.FromSeconds(call / CallsPerSecond);
}

/// <summary>A call's place in the surge: which phase offered it and when it dials (from the start of the surge).</summary>
internal readonly record struct Arrival(int Sequence, SurgePhase Phase, TimeSpan At);

/// <summary>
/// The ramp from 0 to the highest multiple of capacity: each phase offers new calls at its multiple of the
/// capacity rate, one after another, with no gap. A call belongs to the phase that offered it, however long it lasts.
/// </summary>
internal sealed class SurgeSchedule
{
    public SurgeSchedule(double capacityPerSecond, IReadOnlyList<double> multiples, TimeSpan hold)
    {
        if (capacityPerSecond <= 0 || multiples.Count == 0 || multiples.Any(m => m <= 0) || hold <= TimeSpan.Zero)
        {
            throw new ArgumentException($"A surge needs a capacity above 0 (not {capacityPerSecond}), at least one multiple, all above 0 ({string.Join(',', multiples)}), and a hold above 0 ({hold}).");
        }

        Phases = [.. multiples.Select((multiple, index) => new SurgePhase(index, multiple, capacityPerSecond * multiple, hold * index, hold))];
    }

    public IReadOnlyList<SurgePhase> Phases { get; }

    public TimeSpan Length => Phases[^1].Start + Phases[^1].Hold;

    public int TotalCalls => Phases.Sum(p => p.Calls);

    /// <summary>Every call of the surge in dialling order.</summary>
    public IEnumerable<Arrival> Arrivals()
    {
        var sequence = 0;
        foreach (var phase in Phases)
        {
            for (var call = 0; call < phase.Calls; call++)
            {
                yield return new Arrival(sequence++, phase, phase.ArrivalOf(call));
            }
        }
    }
}
