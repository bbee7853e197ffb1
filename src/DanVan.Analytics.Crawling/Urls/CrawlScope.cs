using System.Text.RegularExpressions;

namespace DanVan.Analytics.Crawling.Urls;

/// <summary>
/// Decides whether a canonical URL belongs to the crawl: allowed hosts, the seeds' schemes and ports, include/exclude
/// patterns, depth.
/// </summary>
public sealed class CrawlScope
{
    private readonly HashSet<string> _hosts;
    private readonly HashSet<(string Scheme, int Port)> _origins = [];
    private readonly bool _matchSchemeAndPort;
    private readonly bool _includeSubdomains;
    private readonly Regex[] _include;
    private readonly Regex[] _exclude;
    private readonly int _maxDepth;

    /// <summary>Creates the scope of a crawl that starts from <paramref name="seeds"/>.</summary>
    /// <param name="seeds">The seed URLs; their hosts are allowed.</param>
    /// <param name="options">The scope options, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">A pattern is not a valid regular expression.</exception>
    public CrawlScope(IEnumerable<Uri> seeds, CrawlScopeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        options ??= new CrawlScopeOptions();
        _hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Uri seed in seeds)
        {
            _hosts.Add(BaseHost(seed.IdnHost));
            _origins.Add((seed.Scheme, seed.Port));
            if (seed.IsDefaultPort)
            {
                AddDefaultPorts();
            }
        }

        foreach (string host in options.AllowedHosts)
        {
            _hosts.Add(BaseHost(host.Trim().TrimEnd('.')));
            AddDefaultPorts();
        }

        _matchSchemeAndPort = options.MatchSchemeAndPort;
        _includeSubdomains = options.IncludeSubdomains;
        _include = options.IncludePatterns.Select(Compile).ToArray();
        _exclude = options.ExcludePatterns.Select(Compile).ToArray();
        _maxDepth = options.MaxDepth;
    }

    /// <summary>The allowed hosts (without a leading <c>www.</c>).</summary>
    public IReadOnlyCollection<string> Hosts => _hosts;

    /// <summary>Decides whether <paramref name="url"/>, found <paramref name="depth"/> links from a seed, is in scope.</summary>
    /// <param name="url">The canonical URL.</param>
    /// <param name="depth">The number of links from a seed.</param>
    /// <returns><see cref="ScopeDecision.InScope"/> or the reason it is not.</returns>
    public ScopeDecision Check(Uri url, int depth)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return ScopeDecision.UnsupportedScheme;
        }

        if (!IsAllowedHost(url.IdnHost))
        {
            return ScopeDecision.HostNotAllowed;
        }

        if (url.Port <= 0 || (_matchSchemeAndPort && !_origins.Contains((url.Scheme, url.Port))))
        {
            return ScopeDecision.PortNotAllowed;
        }

        if (depth > _maxDepth)
        {
            return ScopeDecision.TooDeep;
        }

        string text = url.AbsoluteUri;
        foreach (Regex pattern in _exclude)
        {
            if (pattern.IsMatch(text))
            {
                return ScopeDecision.Excluded;
            }
        }

        if (_include.Length > 0 && !_include.Any(p => p.IsMatch(text)))
        {
            return ScopeDecision.NotIncluded;
        }

        return ScopeDecision.InScope;
    }

    /// <summary>Whether a host is one of the allowed hosts (or a subdomain of one, when subdomains are allowed).</summary>
    /// <param name="host">The host name (punycode for IDN).</param>
    /// <returns><see langword="true"/> when the crawl may visit the host.</returns>
    public bool IsAllowedHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        host = host.TrimEnd('.');
        if (_hosts.Contains(host) || _hosts.Contains(BaseHost(host)))
        {
            return true;
        }

        if (!_includeSubdomains)
        {
            return false;
        }

        for (int dot = host.IndexOf('.'); dot >= 0; dot = host.IndexOf('.', dot + 1))
        {
            if (_hosts.Contains(host[(dot + 1)..]))
            {
                return true;
            }
        }

        return false;
    }

    private void AddDefaultPorts()
    {
        _origins.Add((Uri.UriSchemeHttp, 80));
        _origins.Add((Uri.UriSchemeHttps, 443));
    }

    private static string BaseHost(string host) =>
        host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;

    private static Regex Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"'{pattern}' is not a valid URL pattern: {e.Message}", nameof(pattern), e);
        }
    }
}
