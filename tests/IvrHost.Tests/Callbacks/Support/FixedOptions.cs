using Microsoft.Extensions.Options;

namespace PhoneBooking.IvrHost.Tests.Callbacks.Support;

/// <summary>Options that never change, for the classes that read IOptionsMonitor.</summary>
internal sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
