using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PhoneBooking.SchedulingApi.Api;

/// <summary>An options class that checks itself; failures quote the bad value so the operator can fix it.</summary>
internal interface IValidatableOptions
{
    IEnumerable<string> Validate();
}

internal sealed class SelfValidatingOptions<T> : IValidateOptions<T>
    where T : class, IValidatableOptions
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = options.Validate().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

internal static class ValidatedOptionsExtensions
{
    /// <summary>Registers <typeparamref name="T"/> to be validated when the host starts; the caller binds it.</summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services)
        where T : class, IValidatableOptions
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, SelfValidatingOptions<T>>());
        return services.AddOptions<T>().ValidateOnStart();
    }

    /// <summary>Binds the section, and fails the start on any value under it the binder would silently drop (<see cref="StrictBinding"/>).</summary>
    public static OptionsBuilder<T> BindStrictly<T>(this OptionsBuilder<T> builder, string sectionName)
        where T : class
    {
        builder.Services.AddSingleton<IValidateOptions<T>>(sp => new StrictBindingValidator<T>(sp.GetRequiredService<IConfiguration>(), sectionName));
        return builder.BindConfiguration(sectionName);
    }

    /// <summary>Fails the start on any value under <paramref name="sectionName"/> that does not convert to <paramref name="boundType"/>'s elements (the caller binds it).</summary>
    public static OptionsBuilder<T> CheckStrictly<T>(this OptionsBuilder<T> builder, string sectionName, Type boundType)
        where T : class
    {
        builder.Services.AddSingleton<IValidateOptions<T>>(sp => new StrictBindingValidator<T>(sp.GetRequiredService<IConfiguration>(), sectionName, boundType));
        return builder;
    }
}
