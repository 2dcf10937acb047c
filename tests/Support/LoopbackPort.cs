using System.Net;
using System.Net.Sockets;

namespace DeepCnn.Tests;

/// <summary>Loopback ports for tests of what happens without a network.</summary>
internal static class LoopbackPort
{
    /// <summary>A loopback port nothing listens on: connecting to it is refused at once.</summary>
    public static int Closed()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
