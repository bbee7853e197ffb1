using System.Net;

namespace DanVan.Analytics.Crawling.Urls;

/// <summary>Thrown when a host resolves to an address that the <see cref="AddressPolicy"/> refuses.</summary>
public sealed class AddressRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AddressRefusedException()
        : base("The address is not allowed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public AddressRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a host and the address it resolved to.</summary>
    /// <param name="host">The host.</param>
    /// <param name="address">The refused address.</param>
    public AddressRefusedException(string host, IPAddress address)
        : base($"{host} resolves to {address}, a non-public address; refused to protect internal networks.")
    {
        Host = host;
        Address = address;
    }

    /// <summary>The host whose address was refused.</summary>
    public string? Host { get; }

    /// <summary>The refused address.</summary>
    public IPAddress? Address { get; }
}
