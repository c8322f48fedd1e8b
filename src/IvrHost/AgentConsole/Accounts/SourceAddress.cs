namespace PhoneBooking.IvrHost.AgentConsole.Accounts;

/// <summary>Where a console request came from: the peer's address, or the browser's as a trusted proxy reported it (<see cref="TrustedProxies"/>).</summary>
public static class SourceAddress
{
    public const string Unknown = "(unknown)";

    public static string Of(HttpContext? http) => http?.Connection.RemoteIpAddress is { } address
        ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
        : Unknown;
}
