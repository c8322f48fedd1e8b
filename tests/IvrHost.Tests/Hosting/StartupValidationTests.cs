namespace PhoneBooking.IvrHost.Tests.Hosting;

/// <summary>A bad setting stops the line at start, and the message quotes it.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Storage:Provider", "Mongo", "Storage:Provider 'Mongo'")]
    [InlineData("Storage:Provider", "Postgres", "Storage:Provider 'Postgres': the line's PostgreSQL stores are not built yet")]
    [InlineData("Storage:WriterWaitSeconds", "0", "Storage:WriterWaitSeconds '0'")]
    [InlineData("Sessions:Retention", "00:10:00", "Sessions:Retention '00:10:00'")]
    [InlineData("Storage:Synchronous", "Sometimes", "Storage:Synchronous 'Sometimes'")]
    [InlineData("EmbeddedApi:Port", "70000", "EmbeddedApi:Port '70000'")]
    [InlineData("Otlp:Endpoint", "collector:4317", "Otlp:Endpoint 'collector:4317'")]
    [InlineData("Otlp:Protocol", "udp", "Otlp:Protocol 'udp'")]
    [InlineData("Callbacks:RetryDelays:0", "banana", "Callbacks:RetryDelays:0 'banana' is not a valid time span")]
    [InlineData("Callbacks:RetryDelays:1", "soon", "Callbacks:RetryDelays:1 'soon' is not a valid time span")]
    [InlineData("Outbound:AllowTollFree", "perhaps", "Outbound:AllowTollFree")]
    [InlineData("Shutdown:Timeout", "00:00:00.500", "Shutdown:Timeout '00:00:00.5000000'")]
    [InlineData("Shutdown:DrainDelay", "-00:00:01", "Shutdown:DrainDelay '-00:00:01'")]
    public void Start_BadSetting_FailsQuotingTheValue(string key, string value, string expected)
    {
        using var factory = new IvrHostFactory(new Dictionary<string, string?> { [key] = value });

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains(expected, Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : "");
}
