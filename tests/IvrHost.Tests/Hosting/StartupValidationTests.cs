using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.Tests.Hosting;

/// <summary>A bad setting stops the line at start, and the message quotes it.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Storage:Provider", "Mongo", "Storage:Provider 'Mongo'")]
    [InlineData("Storage:Provider", "Postgres", "ConnectionStrings:Postgres must be set when Storage:Provider is 'Postgres'")]
    [InlineData("Encryption:Keys:2026", "c2hvcnQ=", "Encryption:Keys:2026 must be base64 of exactly 32 random bytes")]
    [InlineData("Encryption:CurrentKeyId", "2027", "Encryption:CurrentKeyId '2027' names no key of Encryption:Keys (none)")]
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
    [InlineData("Admission:MaxCallsInProgress", "0", "Admission:MaxCallsInProgress '0'")]
    [InlineData("Admission:MaxWebhookLatency", "lots", "Admission:MaxWebhookLatency")]
    public void Start_BadSetting_FailsQuotingTheValue(string key, string value, string expected)
    {
        using var factory = new IvrHostFactory(new Dictionary<string, string?> { [key] = value }, provider: StorageProvider.Sqlite);

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains(expected, Flatten(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Encryption:Keys is required with Storage:Provider 'Postgres'")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "Sessions:CallerKeySecret is required with Storage:Provider 'Postgres'")]
    public void Start_OnPostgresWithoutKeys_StopsSayingTheyMustComeFromConfiguration(string? encryptionKey, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=9;Database=line;Username=line",
        };
        if (encryptionKey is not null)
        {
            settings["Encryption:Keys:k1"] = encryptionKey;
        }

        using var factory = new IvrHostFactory(settings, provider: StorageProvider.Sqlite);

        var error = Flatten(Record.Exception(() => factory.CreateClient())!);

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_InProductionWithoutAnEncryptionKey_StopsSayingSo()
    {
        using var factory = new IvrHostFactory(environment: "Production", provider: StorageProvider.Sqlite);

        var error = Flatten(Record.Exception(() => factory.CreateClient())!);

        Assert.Contains("Encryption:Keys is required in Production", error, StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : "");
}
