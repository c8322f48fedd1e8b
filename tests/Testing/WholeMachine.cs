namespace PhoneBooking.Testing;

/// <summary>
/// Marks tests that run a whole topology of processes (PostgreSQL, several instances, HAProxy, Prometheus) and
/// hold them to production latency budgets. <c>./test.sh</c> runs them after every other test, one at a time:
/// on 2 cores, next to ten test assemblies, a cold instance's first requests missed the 1 s budget and a
/// caller was handed to an agent (CI failure of ScaleOutTests; issue 18). Use: <c>[Trait(WholeMachine.Trait, WholeMachine.Value)]</c>.
/// </summary>
public static class WholeMachine
{
    public const string Trait = "Machine";

    public const string Value = "Whole";
}
