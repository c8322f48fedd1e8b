using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace PhoneBooking.IvrHost.AgentConsole;

/// <summary>
/// Behind a TLS proxy the console sees plain HTTP from the proxy; X-Forwarded-Proto and -For say what
/// the browser used and who it is. Believed only from <see cref="AgentConsoleOptions.TrustedProxies"/>
/// (ASP.NET Core would otherwise trust loopback by default): from anywhere else they are ignored, so a
/// spoofed header neither marks plain HTTP as secure nor hides the real source in the audit.
/// </summary>
internal static class TrustedProxies
{
    public static ForwardedHeadersOptions Options(AgentConsoleOptions console)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in console.TrustedProxies)
        {
            if (TryParse(entry, out var network))
            {
                options.KnownIPNetworks.Add(network);
            }
        }

        return options;
    }

    public static bool TryParse(string? value, out System.Net.IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        if (IPAddress.TryParse(value, out var address))
        {
            network = new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return System.Net.IPNetwork.TryParse(value, out network);
    }

    /// <summary>The console's middleware for it, with the options as configured at start.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app) =>
        app.UseForwardedHeaders(Options(app.ApplicationServices.GetRequiredService<IOptions<AgentConsoleOptions>>().Value));
}
