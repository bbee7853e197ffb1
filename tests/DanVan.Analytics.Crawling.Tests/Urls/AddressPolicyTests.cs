using System.Net;
using DanVan.Analytics.Crawling.Urls;

namespace DanVan.Analytics.Crawling.Tests.Urls;

public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("198.18.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("2002:c0a8:0101::1")]
    [InlineData("2001:db8::1")]
    public void IsPublic_InternalOrReservedAddress_IsFalse(string address)
    {
        Assert.False(AddressPolicy.IsPublic(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("203.162.0.1")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2404:6800:4005:80b::200e")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("2002:0808:0808::1")]
    public void IsPublic_PublicAddress_IsTrue(string address)
    {
        Assert.True(AddressPolicy.IsPublic(IPAddress.Parse(address)));
    }

    [Fact]
    public void IsAllowed_TrustedHost_MayUseLoopback()
    {
        var policy = new AddressPolicy(trustedHosts: ["127.0.0.1"]);
        Assert.True(policy.IsAllowed("127.0.0.1", IPAddress.Loopback));
        Assert.False(policy.IsAllowed("internal.example", IPAddress.Loopback));
        Assert.True(policy.IsAllowed("news.example", IPAddress.Parse("8.8.8.8")));
    }

    [Fact]
    public void IsAllowed_AllowPrivateNetworks_AllowsEverything()
    {
        Assert.True(new AddressPolicy(allowPrivateNetworks: true).IsAllowed("intranet", IPAddress.Parse("10.0.0.1")));
    }
}
