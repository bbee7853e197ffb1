using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;

namespace DanVan.Analytics.Crawling.Urls;

/// <summary>
/// Turns the many spellings of one web address into one canonical string, so the crawler fetches a page once:
/// lower-case scheme and host, IDN host in punycode, no default port, no fragment, dot segments resolved,
/// percent-encoding normalized (unreserved characters decoded, other escapes in upper-case hex), tracking query
/// parameters (<c>utm_*</c>, <c>fbclid</c>, <c>gclid</c>, ...) removed. The query keeps its order and a trailing
/// slash stays as it is, because servers may treat either as a different page. Only http and https are accepted.
/// </summary>
public sealed class UrlCanonicalizer
{
    private readonly string[] _exactNames;
    private readonly string[] _prefixes;
    private readonly int _maxLength;

    /// <summary>Creates a canonicalizer.</summary>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    public UrlCanonicalizer(UrlCanonicalizerOptions? options = null)
    {
        options ??= new UrlCanonicalizerOptions();
        _exactNames = options.RemovedQueryParameters.Where(n => !n.EndsWith('*')).ToArray();
        _prefixes = options.RemovedQueryParameters.Where(n => n.EndsWith('*')).Select(n => n[..^1]).ToArray();
        _maxLength = options.MaxLength;
    }

    /// <summary>A canonicalizer with the default options.</summary>
    public static UrlCanonicalizer Default { get; } = new();

    /// <summary>Canonicalizes an absolute URL.</summary>
    /// <param name="url">The URL as written.</param>
    /// <param name="canonical">The canonical URL, when the result is <see langword="true"/>.</param>
    /// <returns><see langword="false"/> for anything that is not an absolute http(s) URL with a host.</returns>
    public bool TryCanonicalize(string url, [NotNullWhen(true)] out Uri? canonical) => TryCanonicalize(null, url, out canonical);

    /// <summary>Resolves a link against the page it was found on and canonicalizes the result.</summary>
    /// <param name="baseUri">The page's address (or its <c>&lt;base href&gt;</c>), or <see langword="null"/> for an absolute link.</param>
    /// <param name="reference">The link as written in the page.</param>
    /// <param name="canonical">The canonical URL, when the result is <see langword="true"/>.</param>
    /// <returns><see langword="false"/> when the link does not lead to an http(s) URL with a host.</returns>
    public bool TryCanonicalize(Uri? baseUri, string reference, [NotNullWhen(true)] out Uri? canonical)
    {
        canonical = null;
        string? text = Canonicalize(baseUri, reference);
        return text is not null && Uri.TryCreate(text, UriKind.Absolute, out canonical);
    }

    /// <summary>Canonicalizes a URL to its string form, the key the crawler dedupes on.</summary>
    /// <param name="baseUri">The base to resolve a relative reference against, or <see langword="null"/>.</param>
    /// <param name="reference">The URL or link as written.</param>
    /// <returns>The canonical URL, or <see langword="null"/> when it is not an http(s) URL with a host.</returns>
    public string? Canonicalize(Uri? baseUri, string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        string cleaned = StripWhitespace(reference);
        if (cleaned.Length == 0 || cleaned.Length > _maxLength)
        {
            return null;
        }

        Uri? uri;
        if (baseUri is null)
        {
            if (!Uri.TryCreate(cleaned, UriKind.Absolute, out uri))
            {
                return null;
            }
        }
        else if (!Uri.TryCreate(baseUri, cleaned, out uri))
        {
            return null;
        }

        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        string? host = CanonicalHost(uri);
        if (host is null)
        {
            return null;
        }

        var builder = new StringBuilder(cleaned.Length + 8);
        builder.Append(uri.Scheme).Append("://").Append(host);
        if (!uri.IsDefaultPort)
        {
            builder.Append(':').Append(uri.Port.ToString(CultureInfo.InvariantCulture));
        }

        string path = uri.AbsolutePath;
        if (path.Length == 0)
        {
            path = "/";
        }

        AppendNormalizedEscapes(builder, path, inQuery: false);
        string query = uri.Query;
        if (query.Length > 1)
        {
            AppendFilteredQuery(builder, query.AsSpan(1));
        }

        string result = builder.ToString();
        return result.Length > _maxLength ? null : result;
    }

    /// <summary>Canonicalizes a URL to its string form.</summary>
    /// <param name="url">The absolute URL.</param>
    /// <returns>The canonical URL, or <see langword="null"/> when it is not an http(s) URL with a host.</returns>
    public string? Canonicalize(string url) => Canonicalize(null, url);

    private static string StripWhitespace(string value)
    {
        // Browsers drop leading/trailing spaces and control characters and any tab or newline inside a URL.
        ReadOnlySpan<char> span = value.AsSpan().Trim("\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\t\n\u000B\u000C\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F \u00A0");
        if (span.IndexOfAny('\t', '\n', '\r') < 0)
        {
            return span.Length == value.Length ? value : span.ToString();
        }

        var builder = new StringBuilder(span.Length);
        foreach (char c in span)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string? CanonicalHost(Uri uri)
    {
        switch (uri.HostNameType)
        {
            case UriHostNameType.IPv4:
                return uri.Host;
            case UriHostNameType.IPv6:
                // Drop a zone id: it only means something on the machine that wrote the link.
                return IPAddress.TryParse(uri.DnsSafeHost, out var v6)
                    ? "[" + new IPAddress(v6.GetAddressBytes()).ToString() + "]"
                    : null;
            case UriHostNameType.Dns:
                string host;
                try
                {
                    host = uri.IdnHost;
                }
                catch (UriFormatException)
                {
                    return null;
                }

                host = host.TrimEnd('.').ToLowerInvariant();
                return host.Length == 0 || host.Contains("..", StringComparison.Ordinal) ? null : host;
            default:
                return null;
        }
    }

    private void AppendFilteredQuery(StringBuilder builder, ReadOnlySpan<char> query)
    {
        bool first = true;
        foreach (Range range in query.Split('&'))
        {
            ReadOnlySpan<char> part = query[range];
            if (part.IsEmpty)
            {
                continue;
            }

            int eq = part.IndexOf('=');
            ReadOnlySpan<char> name = eq < 0 ? part : part[..eq];
            if (IsRemoved(name))
            {
                continue;
            }

            builder.Append(first ? '?' : '&');
            first = false;
            AppendNormalizedEscapes(builder, part, inQuery: true);
        }
    }

    private bool IsRemoved(ReadOnlySpan<char> name)
    {
        foreach (string exact in _exactNames)
        {
            if (name.Equals(exact, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (string prefix in _prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Writes <paramref name="value"/> with escapes normalized: <c>%7e</c> becomes <c>~</c> (unreserved characters
    /// need no escape), other escapes get upper-case hex, a stray <c>%</c> becomes <c>%25</c>, and characters that
    /// must be escaped (non-ASCII as UTF-8, spaces, quotes, angle brackets) are.
    /// </summary>
    internal static void AppendNormalizedEscapes(StringBuilder builder, ReadOnlySpan<char> value, bool inQuery)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '%')
            {
                if (PercentEncoding.IsEscapeAt(value, i))
                {
                    int b = PercentEncoding.EscapedByteAt(value, i);
                    if (IsUnreserved((char)b))
                    {
                        builder.Append((char)b);
                    }
                    else
                    {
                        PercentEncoding.AppendEscapedByte(builder, b);
                    }

                    i += 2;
                }
                else
                {
                    builder.Append("%25");
                }
            }
            else if (c > 0x7E || c <= 0x20 || c is '"' or '<' or '>' or '\\' or '^' or '`' or '{' or '|' or '}' || (c == '#' && inQuery))
            {
                PercentEncoding.AppendUtf8Escaped(builder, value, ref i);
            }
            else
            {
                builder.Append(c);
            }
        }
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

}
