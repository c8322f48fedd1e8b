namespace PhoneBooking.SchedulingApi.Storage.Postgres;

internal static class PostgresStorageExtensions
{
    /// <summary>The PostgreSQL unit of work and readiness probe (the database and its migrations come from <c>AddStorage</c>).</summary>
    public static IServiceCollection AddPostgresSession(this IServiceCollection services)
    {
        services.AddScoped<PostgresUnitOfWork>();
        services.AddScoped<IStoreSession>(sp => sp.GetRequiredService<PostgresUnitOfWork>());
        services.AddSingleton<IDatabaseProbe, PostgresDatabaseProbe>();
        return services;
    }
}
