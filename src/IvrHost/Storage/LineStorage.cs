using PhoneBooking.Storage;
using PhoneBooking.Storage.Encryption;

namespace PhoneBooking.IvrHost.Storage;

public static class LineStorage
{
    /// <summary>The line's SQLite file, beside the call sessions and every other table of the line.</summary>
    public const string SqliteFileName = "sessions.db";

    /// <summary>
    /// The line's storage on the shared convention (docs/storage.md): section <c>Storage</c> (SQLite's
    /// <c>sessions.db</c> in the data folder, or PostgreSQL), the migrations each feature registers, and the
    /// cipher its stores encrypt personal data with (section <c>Encryption</c>). Safe to call from every feature.
    /// </summary>
    public static IServiceCollection AddLineStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStorage(configuration, SqliteFileName);
        services.AddDataEncryption(configuration);
        return services;
    }
}
