using System.Net.Http;

namespace PhoneBooking.Line.Bench.Surge;

/// <summary>
/// The line's counters read from its Prometheus endpoint, summed over every instance given (behind HAProxy, each
/// instance is scraped directly: the endpoint refuses proxied requests). A line without /metrics, or without a
/// counter, gives null: "n/a" in the report, never 0.
/// </summary>
internal sealed class LineMetrics(IReadOnlyList<Uri> instances) : IDisposable
{
    public const string Admitted = "phonebooking_ivr_calls_admitted_total";
    public const string Shed = "phonebooking_ivr_calls_shed_total";
    public const string CallbacksPlaced = "phonebooking_dialer_calls_placed_total";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task<Snapshot> ReadAsync()
    {
        var texts = new List<PrometheusText>();
        foreach (var instance in instances)
        {
            try
            {
                using var response = await _http.GetAsync(new Uri(instance, "metrics"));
                if (response.IsSuccessStatusCode)
                {
                    texts.Add(new PrometheusText(await response.Content.ReadAsStringAsync()));
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // An instance that does not answer has no figures to give: its counters stay n/a.
            }
        }

        double? Sum(string name) => texts.Select(t => t.Sum(name)).Where(v => v is not null).Aggregate((double?)null, (sum, v) => (sum ?? 0) + v);
        return new Snapshot(Sum(Admitted), Sum(Shed), Sum(CallbacksPlaced)) { Answered = texts.Count, Asked = instances.Count };
    }

    public void Dispose() => _http.Dispose();

    public sealed record Snapshot(double? Admitted, double? Shed, double? CallbacksPlaced)
    {
        /// <summary>Instances whose /metrics answered, of those asked.</summary>
        public int Answered { get; init; }

        public int Asked { get; init; }

        public override string ToString() =>
            $"/metrics answered by {Answered} of {Asked} instances; {LineMetrics.Admitted} {(Admitted is null ? "absent" : "present")}, {LineMetrics.Shed} {(Shed is null ? "absent" : "present")}";

        /// <summary>What the counters moved from <paramref name="before"/> to this snapshot (n/a when either lacks one).</summary>
        public LineCounts Since(Snapshot before) => new(Admitted - before.Admitted, Shed - before.Shed);
    }
}
