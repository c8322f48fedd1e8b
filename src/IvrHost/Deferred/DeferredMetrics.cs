using System.Diagnostics.Metrics;

namespace PhoneBooking.IvrHost.Deferred;

/// <summary>Requests saved while the scheduling API was down, as they are sent (meter <c>PhoneBooking.IvrHost.Deferred</c>).</summary>
public sealed class DeferredMetrics
{
    public const string MeterName = "PhoneBooking.IvrHost.Deferred";

    private readonly Counter<long> _submissions;
    private readonly Counter<long> _passes;

    public DeferredMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _submissions = meter.CreateCounter<long>(
            "phonebooking.deferred.submissions", "{request}", "Deferred requests sent to the scheduling API, by outcome (submitted, rejected, failed).");
        _passes = meter.CreateCounter<long>(
            "phonebooking.deferred.passes", "{pass}", "Runs of the deferred submitter, by how they ended (done, backend-down, backend-failed).");
    }

    /// <param name="outcome"><c>submitted</c>, <c>rejected</c> or <c>failed</c> (left pending).</param>
    public void Submission(string outcome) => _submissions.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Pass(string ending) => _passes.Add(1, new KeyValuePair<string, object?>("ending", ending));
}
