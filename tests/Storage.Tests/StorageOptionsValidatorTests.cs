using PhoneBooking.Testing.Postgres;

namespace PhoneBooking.Storage.Tests;

/// <summary>A bad setting stops the process at start, quoting the value — never the database password.</summary>
public sealed class StorageOptionsValidatorTests
{
    private readonly StorageOptionsValidator _validator = new();

    [Fact]
    public void Defaults_SqliteInTheDataFolder_Valid()
    {
        var options = new StorageOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal((StorageProvider.Sqlite, "data"), (options.ProviderKind, options.DataDirectory));
    }

    [Theory]
    [InlineData("Mongo", "Storage:Provider 'Mongo' must be one of: Sqlite, Postgres.")]
    [InlineData("1", "Storage:Provider '1' must be one of")]
    public void Provider_Unknown_Quoted(string provider, string expected) =>
        Assert.Contains(expected, Failure(new StorageOptions { Provider = provider }), StringComparison.Ordinal);

    [Fact]
    public void Provider_AnyCase_Accepted() =>
        Assert.True(_validator.Validate(null, new StorageOptions { Provider = "postgres", PostgresConnectionString = "Host=db" }).Succeeded);

    [Fact]
    public void Postgres_WithoutConnectionString_SaysWhichKey() =>
        Assert.Contains("ConnectionStrings:Postgres must be set when Storage:Provider is 'Postgres'", Failure(new StorageOptions { Provider = "Postgres" }), StringComparison.Ordinal);

    [Fact]
    public void Postgres_UnknownKeyword_NamesTheKeywordNotThePassword()
    {
        var message = Failure(new StorageOptions { Provider = "Postgres", PostgresConnectionString = $"Hots=db;Password={PostgresServer.Password}" });

        Assert.Contains("ConnectionStrings:Postgres is not an Npgsql connection string", message, StringComparison.Ordinal);
        Assert.Contains("hots", message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(PostgresServer.Password, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_NoHost_DescribedWithoutThePassword()
    {
        var message = Failure(new StorageOptions { Provider = "Postgres", PostgresConnectionString = $"Database=booking;Username=api;Password={PostgresServer.Password}" });

        Assert.Contains("must name a Host", message, StringComparison.Ordinal);
        Assert.Contains("database 'booking', user 'api'", message, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresServer.Password, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_TimeoutZero_WouldWaitForeverSoRefused() =>
        Assert.Contains("Timeout '0' must be between 1 and 120", Failure(new StorageOptions { Provider = "Postgres", PostgresConnectionString = "Host=db;Timeout=0" }), StringComparison.Ordinal);

    [Theory]
    [InlineData("Sometimes", "Storage:Synchronous 'Sometimes' must be one of: Normal, Full.")]
    public void Synchronous_Unknown_Quoted(string value, string expected) =>
        Assert.Contains(expected, Failure(new StorageOptions { Synchronous = value }), StringComparison.Ordinal);

    [Theory]
    [InlineData(0)]
    [InlineData(301)]
    public void WriterWait_OutOfRange_Quoted(int seconds) =>
        Assert.Contains($"Storage:WriterWaitSeconds '{seconds}' must be between 1 and 300", Failure(new StorageOptions { WriterWaitSeconds = seconds }), StringComparison.Ordinal);

    [Fact]
    public void DataDirectory_Blank_Quoted() =>
        Assert.Contains("Storage:DataDirectory ' ' must name a folder", Failure(new StorageOptions { DataDirectory = " " }), StringComparison.Ordinal);

    private string Failure(StorageOptions options)
    {
        var result = _validator.Validate(null, options);
        Assert.True(result.Failed);
        return result.FailureMessage;
    }
}
