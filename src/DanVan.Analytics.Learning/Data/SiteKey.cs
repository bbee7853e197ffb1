namespace DanVan.Analytics.Learning.Data;

/// <summary>
/// The site a page belongs to, for grouping folds: the registrable domain of its host, so that
/// <c>danvan.hanoi.gov.vn</c> and <c>www.hanoi.gov.vn</c> land in one fold and a model is not rewarded for a site's boilerplate.
/// </summary>
public static class SiteKey
{
    // Second-level names under .vn (and a few generic ones) that are registries, not sites.
    private static readonly HashSet<string> RegistryLabels = new(StringComparer.Ordinal)
    {
        "com", "gov", "org", "net", "edu", "ac", "int", "info", "biz", "name", "pro", "health", "dcs", "mil",
    };

    /// <summary>The key of a host name or a URL; the lower-cased input when it is neither.</summary>
    public static string Of(string hostOrUrl)
    {
        ArgumentNullException.ThrowIfNull(hostOrUrl);
        string host = hostOrUrl.Trim().ToLowerInvariant();
        if (Uri.TryCreate(host, UriKind.Absolute, out Uri? uri) && !string.IsNullOrEmpty(uri.Host))
        {
            host = uri.Host;
        }

        string[] labels = host.Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (labels.Length <= 2)
        {
            return host;
        }

        bool registry = labels[^1].Length == 2 && RegistryLabels.Contains(labels[^2]);
        int keep = registry ? 3 : 2;
        return string.Join('.', labels[^keep..]);
    }
}
