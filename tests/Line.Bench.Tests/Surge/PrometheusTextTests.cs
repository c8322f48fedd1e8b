using PhoneBooking.Line.Bench.Surge;

namespace PhoneBooking.Line.Bench.Tests.Surge;

public class PrometheusTextTests
{
    private const string Scrape = """
        # HELP phonebooking_ivr_calls_admitted_total Calls let in at the door.
        # TYPE phonebooking_ivr_calls_admitted_total counter
        phonebooking_ivr_calls_admitted_total{otel_scope_name="PhoneBooking.Ivr"} 1200 1733250000000
        # TYPE phonebooking_ivr_calls_shed_total counter
        phonebooking_ivr_calls_shed_total{otel_scope_name="PhoneBooking.Ivr",reason="in progress"} 30
        phonebooking_ivr_calls_shed_total{otel_scope_name="PhoneBooking.Ivr",reason="latency"} 12.5
        phonebooking_ivr_calls_shed_total_created 1.7e9
        phonebooking_dialer_lag_seconds 0
        http_server_request_duration_seconds_bucket{le="+Inf",http_route="/voice"} 42
        broken_line_without_value
        """;

    [Fact]
    public void Sum_CounterWithTimestamp_ValueNotTimestamp()
    {
        Assert.Equal(1200, new PrometheusText(Scrape).Sum(LineMetrics.Admitted));
    }

    [Fact]
    public void Sum_SeveralSeriesWithSpacesInLabels_AddedUp()
    {
        Assert.Equal(42.5, new PrometheusText(Scrape).Sum(LineMetrics.Shed));
    }

    [Fact]
    public void Sum_LabelFilter_OnlyThoseSeries()
    {
        Assert.Equal(12.5, new PrometheusText(Scrape).Sum(LineMetrics.Shed, "reason=\"latency\""));
    }

    [Fact]
    public void Sum_NameIsPrefixOfAnother_NotMixedUp()
    {
        Assert.Equal(1.7e9, new PrometheusText(Scrape).Sum("phonebooking_ivr_calls_shed_total_created"));
        Assert.Equal(0, new PrometheusText(Scrape).Sum("phonebooking_dialer_lag_seconds"));
    }

    [Fact]
    public void Sum_CounterTheLineDoesNotHave_NullNotZero()
    {
        Assert.Null(new PrometheusText(Scrape).Sum(LineMetrics.CallbacksPlaced));
        Assert.Null(new PrometheusText("").Sum(LineMetrics.Admitted));
    }

    [Fact]
    public void Since_CounterMissingOnEitherSide_NotApplicable()
    {
        var before = new LineMetrics.Snapshot(Admitted: 100, Shed: null, CallbacksPlaced: null);
        var after = new LineMetrics.Snapshot(Admitted: 160, Shed: 5, CallbacksPlaced: null);

        var counts = after.Since(before);

        Assert.Equal(60, counts.Admitted);
        Assert.Null(counts.Shed);
    }
}
