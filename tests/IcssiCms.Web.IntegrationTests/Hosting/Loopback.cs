using System.Net;
using System.Net.Sockets;

namespace IcssiCms.Web.IntegrationTests.Hosting;

/// <summary>Addresses on 127.0.0.1 for servers the tests start on real Kestrel.</summary>
public static class Loopback
{
    /// <summary>An address on a port free at the moment of asking.</summary>
    public static Uri FreeAddress() => new($"http://127.0.0.1:{FreePort()}");

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
