namespace PhoneBooking.SchedulingApi.Storage.Sqlite;

internal static class SqliteStorageExtensions
{
    /// <summary>The SQLite unit of work and readiness probe (the file and its migrations come from <c>AddStorage</c>).</summary>
    public static IServiceCollection AddSqliteSession(this IServiceCollection services)
    {
        services.AddScoped<SqliteUnitOfWork>();
        services.AddScoped<IStoreSession>(sp => sp.GetRequiredService<SqliteUnitOfWork>());
        services.AddSingleton<IDatabaseProbe, SqliteDatabaseProbe>();
        return services;
    }
}
