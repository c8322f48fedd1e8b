using Microsoft.Extensions.DependencyInjection.Extensions;
using PhoneBooking.IvrHost.Hosting;

namespace PhoneBooking.IvrHost.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The data folder (<c>Storage:DataDirectory</c>, default <c>./data</c> under the content root).</summary>
    public static IServiceCollection AddDataDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<StorageOptions, StorageOptionsValidator>(configuration, StorageOptions.SectionName);
        services.TryAddSingleton<DataDirectory>();
        return services;
    }
}
