using System.Net;
using System.Net.Sockets;

namespace PhoneBooking.Operations.Tests.Support;

internal static class LoopbackPort
{
    /// <summary>A port free on 127.0.0.1 right now, for a server that cannot be told to pick one (Prometheus, a child process).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
