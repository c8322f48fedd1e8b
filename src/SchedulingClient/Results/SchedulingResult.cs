using System.Diagnostics.CodeAnalysis;

namespace PhoneBooking.SchedulingClient;

/// <summary>
/// The typed answer of every <see cref="ISchedulingClient"/> call: a value, an expected outcome
/// with the API's problem details, or a <see cref="SchedulingOutcome.BackendFailure"/>. Nothing
/// the API or the network can do throws; only cancellation by the caller's token does.
/// </summary>
public sealed class SchedulingResult<T>
{
    internal SchedulingResult(SchedulingOutcome outcome, T? value, ApiProblem? problem, BackendFailure? failure)
    {
        Outcome = outcome;
        Value = value;
        Problem = problem;
        Failure = failure;
    }

    public SchedulingOutcome Outcome { get; }

    public T? Value { get; }

    /// <summary>Set for the expected outcomes (not found, expired, validation, …).</summary>
    public ApiProblem? Problem { get; }

    /// <summary>Set when <see cref="Outcome"/> is <see cref="SchedulingOutcome.BackendFailure"/>.</summary>
    public BackendFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess => Outcome == SchedulingOutcome.Success;

    [MemberNotNullWhen(true, nameof(Failure))]
    public bool IsBackendFailure => Outcome == SchedulingOutcome.BackendFailure;

    public IReadOnlyDictionary<string, string[]> ValidationErrors =>
        Problem?.Errors ?? new Dictionary<string, string[]>();

    /// <summary>Outcome and failure reason only: values may hold confirmation codes, which stay out of logs.</summary>
    public override string ToString() =>
        IsBackendFailure ? $"BackendFailure({Failure.Reason}: {Failure.Detail})" : Outcome.ToString();
}

/// <summary>Factories for <see cref="SchedulingResult{T}"/> (also for fakes of <see cref="ISchedulingClient"/> in consumers' tests).</summary>
public static class SchedulingResult
{
    public static SchedulingResult<T> Success<T>(T value) => new(SchedulingOutcome.Success, value, null, null);

    public static SchedulingResult<T> Expected<T>(SchedulingOutcome outcome, ApiProblem problem)
    {
        if (outcome is SchedulingOutcome.Success or SchedulingOutcome.BackendFailure)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "An expected outcome is neither Success nor BackendFailure.");
        }

        return new(outcome, default, problem, null);
    }

    public static SchedulingResult<T> Failed<T>(BackendFailure failure) =>
        new(SchedulingOutcome.BackendFailure, default, null, failure);
}
