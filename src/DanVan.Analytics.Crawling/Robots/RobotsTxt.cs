using System.Text;
using DanVan.Analytics.Crawling.Urls;

namespace DanVan.Analytics.Crawling.Robots;

/// <summary>
/// A parsed robots.txt (RFC 9309 with the common extensions): groups of rules per user agent, <c>Allow</c> and
/// <c>Disallow</c> paths with <c>*</c> wildcards and a <c>$</c> end anchor, where the longest matching rule wins
/// and <c>Allow</c> wins a tie; <c>Crawl-delay</c> per group and <c>Sitemap</c> lines. Parsing never fails: lines
/// it does not understand are skipped, and only the first 512 KiB are read, as the RFC allows.
/// </summary>
public sealed class RobotsTxt
{
    /// <summary>The most of a robots.txt that is parsed, in bytes or characters (RFC 9309 asks for at least 500 KiB).</summary>
    public const int MaxLength = 512 * 1024;

    private readonly List<Group> _groups;

    private RobotsTxt(List<Group> groups, IReadOnlyList<string> sitemaps)
    {
        _groups = groups;
        Sitemaps = sitemaps;
    }

    /// <summary>A robots.txt that allows everything (what a missing robots.txt, a 4xx answer, means).</summary>
    public static RobotsTxt AllowAll { get; } = new([], []);

    /// <summary>A robots.txt that disallows everything (what an unreachable or 5xx robots.txt means for now).</summary>
    public static RobotsTxt DisallowAll { get; } = Parse("User-agent: *\nDisallow: /\n");

    /// <summary>The <c>Sitemap</c> URLs, as written.</summary>
    public IReadOnlyList<string> Sitemaps { get; }

    /// <summary>Parses robots.txt content.</summary>
    /// <param name="content">The file's text; anything past <see cref="MaxLength"/> characters is ignored.</param>
    /// <returns>The parsed rules.</returns>
    public static RobotsTxt Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        ReadOnlySpan<char> text = content.AsSpan(0, Math.Min(content.Length, MaxLength));
        if (!text.IsEmpty && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var groups = new List<Group>();
        var sitemaps = new List<string>();
        Group? current = null;
        bool lastWasAgent = false;
        while (!text.IsEmpty)
        {
            int end = text.IndexOfAny('\r', '\n');
            ReadOnlySpan<char> line = end < 0 ? text : text[..end];
            text = end < 0 ? [] : text[(end + 1)..];

            int hash = line.IndexOf('#');
            if (hash >= 0)
            {
                line = line[..hash];
            }

            int colon = line.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }

            ReadOnlySpan<char> key = line[..colon].Trim();
            string value = line[(colon + 1)..].Trim().ToString();
            if (key.Equals("user-agent", StringComparison.OrdinalIgnoreCase))
            {
                if (current is null || !lastWasAgent)
                {
                    current = new Group();
                    groups.Add(current);
                }

                current.Agents.Add(ProductToken(value));
                lastWasAgent = true;
                continue;
            }

            lastWasAgent = false;
            if (key.Equals("sitemap", StringComparison.OrdinalIgnoreCase))
            {
                if (value.Length > 0)
                {
                    sitemaps.Add(value);
                }
            }
            else if (current is null)
            {
                // Rules before the first User-agent line belong to no group (RFC 9309 2.2).
            }
            else if (key.Equals("allow", StringComparison.OrdinalIgnoreCase))
            {
                if (value.Length > 0)
                {
                    current.Rules.Add(new Rule(NormalizePattern(value), Allow: true));
                }
            }
            else if (key.Equals("disallow", StringComparison.OrdinalIgnoreCase))
            {
                // An empty Disallow allows everything, which is what having no rule means.
                if (value.Length > 0)
                {
                    current.Rules.Add(new Rule(NormalizePattern(value), Allow: false));
                }
            }
            else if (key.Equals("crawl-delay", StringComparison.OrdinalIgnoreCase))
            {
                if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double seconds)
                    && seconds >= 0 && seconds <= 86_400)
                {
                    current.CrawlDelay = TimeSpan.FromSeconds(seconds);
                }
            }
        }

        return new RobotsTxt(groups, sitemaps);
    }

    /// <summary>Whether <paramref name="userAgent"/> may fetch <paramref name="pathAndQuery"/>.</summary>
    /// <param name="pathAndQuery">The URL's path and query (<c>/tin-tuc/a.html?page=2</c>), percent-encoded as in the URL.</param>
    /// <param name="userAgent">The crawler's product token (<c>DanVanBot</c>) or its full User-Agent string.</param>
    /// <returns><see langword="true"/> when no rule disallows the path, or the longest matching rule is an Allow.</returns>
    public bool IsAllowed(string pathAndQuery, string userAgent)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        ArgumentNullException.ThrowIfNull(userAgent);
        string path = pathAndQuery.Length == 0 || pathAndQuery[0] != '/' ? "/" + pathAndQuery : pathAndQuery;
        if (path == "/robots.txt")
        {
            return true; // RFC 9309 2.2.2: robots.txt itself is always allowed
        }

        path = NormalizePattern(path);
        int bestLength = -1;
        bool allowed = true;
        foreach (Group group in GroupsFor(ProductToken(userAgent)))
        {
            foreach (Rule rule in group.Rules)
            {
                if (rule.Pattern.Length < bestLength || !Matches(rule.Pattern, path))
                {
                    continue;
                }

                if (rule.Pattern.Length > bestLength)
                {
                    bestLength = rule.Pattern.Length;
                    allowed = rule.Allow;
                }
                else
                {
                    allowed |= rule.Allow; // a tie: Allow wins
                }
            }
        }

        return allowed;
    }

    /// <summary>The <c>Crawl-delay</c> that applies to <paramref name="userAgent"/>, if the file sets one.</summary>
    /// <param name="userAgent">The crawler's product token or full User-Agent string.</param>
    /// <returns>The delay, or <see langword="null"/>.</returns>
    public TimeSpan? CrawlDelay(string userAgent)
    {
        ArgumentNullException.ThrowIfNull(userAgent);
        TimeSpan? delay = null;
        foreach (Group group in GroupsFor(ProductToken(userAgent)))
        {
            if (group.CrawlDelay is { } d && (delay is null || d > delay))
            {
                delay = d;
            }
        }

        return delay;
    }

    private IEnumerable<Group> GroupsFor(string token)
    {
        // RFC 9309 2.2.1: all groups naming the crawler are combined; only when none does, the "*" groups apply.
        bool any = false;
        foreach (Group group in _groups)
        {
            if (group.Agents.Any(a => a.Equals(token, StringComparison.OrdinalIgnoreCase)))
            {
                any = true;
                yield return group;
            }
        }

        if (any)
        {
            yield break;
        }

        foreach (Group group in _groups)
        {
            if (group.Agents.Contains("*"))
            {
                yield return group;
            }
        }
    }

    /// <summary>The product token of a User-Agent value: <c>DanVanBot/0.1 (+https://...)</c> gives <c>DanVanBot</c>.</summary>
    internal static string ProductToken(string userAgent)
    {
        ReadOnlySpan<char> span = userAgent.AsSpan().Trim();
        int stop = span.IndexOfAny('/', ' ', '\t');
        if (stop == 0 && span.Length > 0 && span[0] == '/')
        {
            return "";
        }

        return (stop < 0 ? span : span[..stop]).ToString();
    }

    /// <summary>
    /// Puts a rule path or URL path in one encoding so they compare byte for byte: non-ASCII characters are
    /// UTF-8 percent-encoded and escapes get upper-case hex.
    /// </summary>
    internal static string NormalizePattern(string value)
    {
        bool clean = true;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c > 0x7E || c < 0x21 || (c == '%' && i + 2 < value.Length && (char.IsAsciiLetterLower(value[i + 1]) || char.IsAsciiLetterLower(value[i + 2]))))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (PercentEncoding.IsEscapeAt(value, i))
            {
                PercentEncoding.AppendEscapedByte(builder, PercentEncoding.EscapedByteAt(value, i));
                i += 2;
            }
            else if (c > 0x7E || c < 0x21)
            {
                PercentEncoding.AppendUtf8Escaped(builder, value, ref i);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Matches a rule pattern against a path from its start. <c>*</c> matches any run of characters and a final
    /// <c>$</c> anchors the end. Greedy leftmost matching of the literal pieces is exact for patterns whose only
    /// wildcard is <c>*</c>, and it runs in O(pattern × path) at worst, with no backtracking.
    /// </summary>
    internal static bool Matches(string pattern, string path)
    {
        bool anchored = pattern.EndsWith('$');
        ReadOnlySpan<char> body = anchored ? pattern.AsSpan(0, pattern.Length - 1) : pattern.AsSpan();
        ReadOnlySpan<char> rest = path;
        int star = body.IndexOf('*');
        if (star < 0)
        {
            return anchored ? rest.SequenceEqual(body) : rest.StartsWith(body, StringComparison.Ordinal);
        }

        // The first piece is anchored at the start of the path.
        if (!rest.StartsWith(body[..star], StringComparison.Ordinal))
        {
            return false;
        }

        rest = rest[star..];
        body = body[(star + 1)..];
        while (true)
        {
            star = body.IndexOf('*');
            if (star < 0)
            {
                // The last piece: with '$' it must end the path, otherwise it may occur anywhere.
                return anchored
                    ? rest.EndsWith(body, StringComparison.Ordinal)
                    : body.IsEmpty || rest.IndexOf(body, StringComparison.Ordinal) >= 0;
            }

            ReadOnlySpan<char> piece = body[..star];
            int at = rest.IndexOf(piece, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            rest = rest[(at + piece.Length)..];
            body = body[(star + 1)..];
        }
    }

    private sealed class Group
    {
        public List<string> Agents { get; } = [];

        public List<Rule> Rules { get; } = [];

        public TimeSpan? CrawlDelay { get; set; }
    }

    private sealed record Rule(string Pattern, bool Allow);
}
