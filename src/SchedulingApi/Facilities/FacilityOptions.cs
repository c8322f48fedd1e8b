using PhoneBooking.SchedulingApi.Api;

namespace PhoneBooking.SchedulingApi.Facilities;

/// <summary>Section <c>Facilities</c>: PIN hashing cost and facilities to create at start (wrong PINs: <c>Throttling:FacilityCodes</c>).</summary>
public sealed class FacilityOptions : IValidatableOptions
{
    public const string SectionName = "Facilities";

    /// <summary>PBKDF2-SHA256 iterations for new PIN hashes (stored hashes carry their own count).</summary>
    public int PinHashIterations { get; set; } = 100_000;

    /// <summary>Facilities added at start when their code is new (never overwritten).</summary>
    public List<FacilitySeed> Seed { get; } = [];

    public IEnumerable<string> Validate()
    {
        if (PinHashIterations is < 1000 or > 10_000_000)
        {
            yield return $"Facilities:PinHashIterations must be between 1000 and 10000000, not {PinHashIterations}.";
        }

        for (var i = 0; i < Seed.Count; i++)
        {
            var seed = Seed[i];
            if (!IsDigits(seed.Code, 4, 10))
            {
                yield return $"Facilities:Seed:{i}:Code must be 4-10 digits (typed on a phone keypad), not '{seed.Code}'.";
            }

            if (!IsDigits(seed.Pin, 4, 8))
            {
                yield return $"Facilities:Seed:{i}:Pin must be 4-8 digits (facility code {seed.Code}).";
            }

            if (string.IsNullOrWhiteSpace(seed.Name))
            {
                yield return $"Facilities:Seed:{i}:Name is required (facility code {seed.Code}).";
            }
        }
    }

    internal static bool IsDigits(string? value, int min, int max) =>
        value is not null && value.Length >= min && value.Length <= max && value.All(char.IsAsciiDigit);
}

public sealed class FacilitySeed
{
    public string Code { get; set; } = "";

    public string Pin { get; set; } = "";

    public string Name { get; set; } = "";

    public string SpokenName { get; set; } = "";
}
