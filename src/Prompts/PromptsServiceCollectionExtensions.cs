using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBooking.Prompts;
using PhoneBooking.Prompts.Catalog;

namespace Microsoft.Extensions.DependencyInjection;

public static class PromptsServiceCollectionExtensions
{
    /// <summary>
    /// The prompt catalog as a singleton, configured from section <c>Prompts</c> (validated at start)
    /// and loaded while the host starts: a broken prompt file stops start-up, naming file, line and id.
    /// </summary>
    public static IServiceCollection AddPrompts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PromptOptions>()
            .Bind(configuration.GetSection(PromptOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PromptOptions>, PromptOptionsValidator>());
        services.TryAddSingleton(provider => PromptCatalog.Load(
            provider.GetRequiredService<IOptions<PromptOptions>>().Value,
            provider.GetService<ILoggerFactory>()?.CreateLogger<PromptCatalog>(),
            provider.GetService<IMeterFactory>()));
        services.AddHostedService<PromptCatalogStartup>();
        return services;
    }

    /// <summary>Loads the catalog while the host starts, not on the first call: a broken file stops start-up.</summary>
    private sealed class PromptCatalogStartup(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<PromptCatalog>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
