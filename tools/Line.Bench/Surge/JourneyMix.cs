namespace PhoneBooking.Line.Bench.Surge;

/// <summary>What a surge caller calls for (issue 16: booking 70 %, check or cancel 15 %, group visit 5 %, a person 10 %).</summary>
internal enum JourneyKind
{
    Booking,
    CheckAndCancel,
    GroupVisit,
    Person,
}

/// <summary>Draws each caller's journey from the weights, with a seeded random so a run can be repeated call for call.</summary>
internal sealed class JourneyMix
{
    public static readonly IReadOnlyList<(JourneyKind Kind, double Weight)> LaunchDay =
    [
        (JourneyKind.Booking, 70),
        (JourneyKind.CheckAndCancel, 15),
        (JourneyKind.GroupVisit, 5),
        (JourneyKind.Person, 10),
    ];

    private readonly IReadOnlyList<(JourneyKind Kind, double Weight)> _weights;
    private readonly double _total;
    private readonly Random _random;

    public JourneyMix(int seed, IReadOnlyList<(JourneyKind Kind, double Weight)>? weights = null)
    {
        _weights = weights ?? LaunchDay;
        if (_weights.Count == 0 || _weights.Any(w => w.Weight < 0) || _weights.Sum(w => w.Weight) <= 0)
        {
            throw new ArgumentException("A journey mix needs weights of 0 or more, adding up to more than 0.", nameof(weights));
        }

        _total = _weights.Sum(w => w.Weight);
        _random = new Random(seed);
    }

    /// <summary>The share of calls expected for <paramref name="kind"/> (0 to 1).</summary>
    public double ShareOf(JourneyKind kind) => _weights.Where(w => w.Kind == kind).Sum(w => w.Weight) / _total;

    public JourneyKind Next()
    {
        var point = _random.NextDouble() * _total;
        foreach (var (kind, weight) in _weights)
        {
            if (point < weight)
            {
                return kind;
            }

            point -= weight;
        }

        // Rounding at the very top of the range: the last journey with any weight.
        return _weights.Last(w => w.Weight > 0).Kind;
    }
}
