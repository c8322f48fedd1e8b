using System.Globalization;

namespace PhoneBooking.Storage.Integrity;

/// <summary>One rule the data must keep, and every place it does not (ids and counts only: never personal data).</summary>
public sealed record IntegrityCheck(string Name, string Rule, IReadOnlyList<string> Findings)
{
    public bool Holds => Findings.Count == 0;
}

/// <summary>
/// What a <c>reconcile</c> command found: each check with its findings, written for the on-call engineer
/// (docs/operations.md, "Reconcile"), and the exit code a script acts on.
/// </summary>
public sealed record IntegrityReport(string Subject, IReadOnlyList<IntegrityCheck> Checks)
{
    /// <summary>Every rule holds.</summary>
    public const int ExitConsistent = 0;

    /// <summary>At least one rule is broken: the report says where.</summary>
    public const int ExitInconsistent = 1;

    /// <summary>The check could not run (no database, unreachable, bad settings).</summary>
    public const int ExitFailed = 2;

    /// <summary>Findings printed per check; the rest are counted.</summary>
    public const int ShownPerCheck = 50;

    public bool Consistent => Checks.All(c => c.Holds);

    public int ExitCode => Consistent ? ExitConsistent : ExitInconsistent;

    public void WriteTo(TextWriter output, DateTimeOffset at)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reconcile {Subject} at {at:yyyy-MM-ddTHH:mm:ssZ}"));
        foreach (var check in Checks)
        {
            output.WriteLine(check.Holds ? $"ok    {check.Name}: {check.Rule}" : $"FAIL  {check.Name}: {check.Rule} ({check.Findings.Count})");
            foreach (var finding in check.Findings.Take(ShownPerCheck))
            {
                output.WriteLine($"        {finding}");
            }

            if (check.Findings.Count > ShownPerCheck)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"        … and {check.Findings.Count - ShownPerCheck} more"));
            }
        }

        var broken = Checks.Count(c => !c.Holds);
        output.WriteLine(broken == 0
            ? string.Create(CultureInfo.InvariantCulture, $"consistent: {Checks.Count} checks hold")
            : string.Create(CultureInfo.InvariantCulture, $"INCONSISTENT: {broken} of {Checks.Count} checks broken"));
    }
}
