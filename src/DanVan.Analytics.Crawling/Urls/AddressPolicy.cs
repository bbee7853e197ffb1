using System.Net;
using System.Net.Sockets;

namespace DanVan.Analytics.Crawling.Urls;

/// <summary>
/// Keeps a public crawl away from internal networks: addresses in loopback, private, link-local, unique-local,
/// carrier-grade NAT, multicast and reserved ranges are refused, including IPv4 addresses hidden inside IPv6
/// (IPv4-mapped, NAT64, 6to4). Hosts listed as trusted (a crawl whose seed itself is on the local network) may use
/// such addresses.
/// </summary>
public sealed class AddressPolicy
{
    private readonly HashSet<string> _trustedHosts;

    /// <summary>Creates a policy.</summary>
    /// <param name="allowPrivateNetworks">Allow every address (for crawling an intranet on purpose).</param>
    /// <param name="trustedHosts">Hosts that may resolve to non-public addresses (typically seeds that do).</param>
    public AddressPolicy(bool allowPrivateNetworks = false, IEnumerable<string>? trustedHosts = null)
    {
        AllowPrivateNetworks = allowPrivateNetworks;
        _trustedHosts = new HashSet<string>(trustedHosts ?? [], StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether every address is allowed.</summary>
    public bool AllowPrivateNetworks { get; }

    /// <summary>Hosts that may resolve to non-public addresses.</summary>
    public IReadOnlyCollection<string> TrustedHosts => _trustedHosts;

    /// <summary>Whether a connection to <paramref name="address"/> for <paramref name="host"/> is allowed.</summary>
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
