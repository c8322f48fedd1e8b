using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PhoneBooking.SchedulingApi.Api;

namespace PhoneBooking.IvrHost.Hosting;

internal static class ValidatedOptionsExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to a section and checks it with <typeparamref name="TValidator"/> when
    /// the host starts — and first that every value under the section converts (a list element the binder
    /// would drop, such as <c>Callbacks:RetryDelays:0=banana</c>, stops the start quoting it).
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string sectionName)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.AddSingleton<IValidateOptions<TOptions>>(new StrictBindingValidator<TOptions>(configuration, sectionName));
        return services.AddOptions<TOptions>().Bind(configuration.GetSection(sectionName)).ValidateOnStart();
    }
}
