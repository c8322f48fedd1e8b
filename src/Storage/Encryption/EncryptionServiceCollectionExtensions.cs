using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PhoneBooking.Storage.Encryption;

public static class EncryptionServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="DataCipher"/> with its keys (section <c>Encryption</c>, validated at start), loaded — or, in
    /// development on SQLite, made — while the host starts, not at the first call. Needs <c>AddStorage</c>.
    /// Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddDataEncryption(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(DataCipher)))
        {
            return services;
        }

        services.AddOptions<EncryptionOptions>().Bind(configuration.GetSection(EncryptionOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EncryptionOptions>, EncryptionOptionsValidator>());
        services.AddSingleton<DataCipher>();
        services.AddHostedService<LoadKeysAtStart>();
        return services;
    }

    /// <summary>A key file that cannot be read or made stops the start, not the first call.</summary>
    private sealed class LoadKeysAtStart(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(services.GetRequiredService<DataCipher>().CurrentKeyId);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
