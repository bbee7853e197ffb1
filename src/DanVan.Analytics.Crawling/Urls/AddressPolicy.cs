using System.Net;
using System.Net.Sockets;

namespace DanVan.Analytics.Crawling.Urls;

/// <summary>
/// Keeps a public crawl away from internal networks: addresses in loopback, private, link-local, unique-local,
/// carrier-grade NAT, multicast and reserved ranges are refused, including IPv4 addresses hidden inside IPv6
/// (IPv4-mapped, NAT64, 6to4). Trusted origins (host and port: a crawl whose seed itself is on the local network)
/// may use such addresses on exactly that port; trusted hosts on every port. The check runs where the socket is
/// connected (<see cref="ConnectAsync"/>, every resolved address and the one actually connected), so a name that
/// changes its answer between two lookups cannot slip through.
/// </summary>
public sealed class AddressPolicy
{
    private readonly HashSet<string> _trustedHosts;
    private readonly HashSet<string> _trustedOrigins;

    /// <summary>Creates a policy.</summary>
    /// <param name="allowPrivateNetworks">Allow every address (for crawling an intranet on purpose).</param>
    /// <param name="trustedHosts">Hosts that may resolve to non-public addresses on any port.</param>
    /// <param name="trustedOrigins">
    /// Origins (host and port of each URL) that may resolve to non-public addresses: the crawler trusts the origins of
    /// seeds that do, and nothing else on those hosts.
    /// </param>
    public AddressPolicy(bool allowPrivateNetworks = false, IEnumerable<string>? trustedHosts = null, IEnumerable<Uri>? trustedOrigins = null)
    {
        AllowPrivateNetworks = allowPrivateNetworks;
        _trustedHosts = new HashSet<string>((trustedHosts ?? []).Select(NormalizeHost), StringComparer.OrdinalIgnoreCase);
        _trustedOrigins = new HashSet<string>((trustedOrigins ?? []).Select(u => OriginKey(u.IdnHost, u.Port)), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Trusted origins as <c>host:port</c>.</summary>
    public IReadOnlyCollection<string> TrustedOrigins => _trustedOrigins;

    /// <summary>Whether a connection to <paramref name="address"/> on <paramref name="port"/> for <paramref name="host"/> is allowed.</summary>
    /// <param name="host">The host name (or address literal) of the URL.</param>
    /// <param name="port">The port connected to.</param>
    /// <param name="address">An address the host resolved to.</param>
    /// <returns><see langword="true"/> when the address is public, or the origin or host is trusted.</returns>
    public bool IsAllowed(string host, int port, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return IsAllowed(host, address) || _trustedOrigins.Contains(OriginKey(host, port));
    }

    /// <summary>
    /// Connects a socket for <see cref="SocketsHttpHandler.ConnectCallback"/> after checking every address the host
    /// resolves to, and checks the address actually connected. Give it to a handler of your own (with a proxy, the
    /// check applies to the proxy, so a proxied crawl relies on the fetcher's own look-up before each request).
    /// </summary>
    /// <param name="context">The connection to make.</param>
    /// <param name="cancellationToken">Cancels the look-up and the connect.</param>
    /// <returns>The connected stream.</returns>
    /// <exception cref="AddressRefusedException">The host resolves to a refused address.</exception>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        DnsEndPoint endpoint = context.DnsEndPoint;
        IPAddress[] addresses = await CheckAsync(endpoint.Host, endpoint.Port, cancellationToken).ConfigureAwait(false);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken).ConfigureAwait(false);
            if (socket.RemoteEndPoint is IPEndPoint remote)
            {
                IPAddress connected = remote.Address.IsIPv4MappedToIPv6 ? remote.Address.MapToIPv4() : remote.Address;
                if (!IsAllowed(endpoint.Host, endpoint.Port, connected))
                {
                    throw new AddressRefusedException(endpoint.Host, connected);
                }
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Resolves a host and checks every address it resolves to.</summary>
    /// <param name="host">The host name or address literal.</param>
    /// <param name="port">The port to be connected to.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The addresses, all allowed.</returns>
    /// <exception cref="AddressRefusedException">One of the addresses is refused.</exception>
    /// <exception cref="SocketException">The host does not resolve.</exception>
    public async ValueTask<IPAddress[]> CheckAsync(string host, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        IPAddress[] addresses = IPAddress.TryParse(host.Trim('[', ']'), out IPAddress? literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        // Every address must pass, not just the first: a name that resolves to a public and a private address
        // could otherwise be steered onto the private one.
        foreach (IPAddress address in addresses)
        {
            if (!IsAllowed(host, port, address))
            {
                throw new AddressRefusedException(host, address);
            }
        }

        return addresses;
    }

    private static string OriginKey(string host, int port) => NormalizeHost(host) + ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether every address is allowed.</summary>
    public bool AllowPrivateNetworks { get; }

    /// <summary>Hosts that may resolve to non-public addresses.</summary>
    public IReadOnlyCollection<string> TrustedHosts => _trustedHosts;

    /// <summary>Whether a connection to <paramref name="address"/> for <paramref name="host"/> is allowed on any port (trusted origins do not count: they name a port).</summary>
    /// <param name="host">The host name (or address literal) of the URL.</param>
    /// <param name="address">An address the host resolved to.</param>
    /// <returns><see langword="true"/> when the address is public, or the host is trusted.</returns>
    public bool IsAllowed(string host, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return AllowPrivateNetworks || IsPublic(address) || _trustedHosts.Contains(NormalizeHost(host));
    }

    /// <summary>Whether an address is a public unicast address on the internet.</summary>
    /// <param name="address">The address.</param>
    /// <returns><see langword="false"/> for loopback, private, link-local, unique-local, multicast and reserved addresses.</returns>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return IsPublicV4(b);
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        Span<byte> v6 = stackalloc byte[16];
        address.TryWriteBytes(v6, out _);
        if (address.IsIPv4MappedToIPv6 || IsZero(v6[..12]))
        {
            // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (the old "compatible" form, which also covers :: and ::1).
            return !IsZero(v6[..12]) || v6[12] != 0 ? IsPublicV4(v6[12..]) : false;
        }

        if (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xFF && v6[3] == 0x9B && IsZero(v6[4..12]))
        {
            return IsPublicV4(v6[12..]); // 64:ff9b::/96 NAT64 carries an IPv4 address
        }

        if (v6[0] == 0x20 && v6[1] == 0x02)
        {
            return IsPublicV4(v6[2..6]); // 2002::/16 6to4 carries an IPv4 address
        }

        return (v6[0] & 0xE0) == 0x20 // only 2000::/3 is global unicast
            && !(v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0D && v6[3] == 0xB8) // 2001:db8::/32 documentation
            && !(v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x00 && v6[3] == 0x00); // 2001::/32 Teredo
    }

    private static bool IsPublicV4(ReadOnlySpan<byte> b) => b[0] switch
    {
        0 => false,                                     // 0.0.0.0/8 "this network"
        10 => false,                                    // 10.0.0.0/8 private
        100 => (b[1] & 0xC0) != 64,                     // 100.64.0.0/10 carrier-grade NAT
        127 => false,                                   // 127.0.0.0/8 loopback
        169 => b[1] != 254,                             // 169.254.0.0/16 link-local (cloud metadata lives here)
        172 => (b[1] & 0xF0) != 16,                     // 172.16.0.0/12 private
        192 => !(b[1] == 168)                           // 192.168.0.0/16 private
            && !(b[1] == 0 && (b[2] == 0 || b[2] == 2)) // 192.0.0.0/24 protocol assignments, 192.0.2.0/24 documentation
            && !(b[1] == 88 && b[2] == 99),             // 192.88.99.0/24 6to4 relay
        198 => !(b[1] is 18 or 19)                      // 198.18.0.0/15 benchmarking
            && !(b[1] == 51 && b[2] == 100),            // 198.51.100.0/24 documentation
        203 => !(b[1] == 0 && b[2] == 113),             // 203.0.113.0/24 documentation
        >= 224 => false,                                // 224.0.0.0/4 multicast, 240.0.0.0/4 reserved, broadcast
        _ => true,
    };

    private static bool IsZero(ReadOnlySpan<byte> bytes) => !bytes.ContainsAnyExcept((byte)0);

    private static string NormalizeHost(string host) => host.Trim('[', ']').TrimEnd('.');
}
