namespace DanVan.Analytics.Crawling;

/// <summary>Lookups in ordered lists of named values (HTTP headers, WARC fields), where names ignore case.</summary>
internal static class NamedValues
{
    /// <summary>The first value named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public static string? First(IReadOnlyList<KeyValuePair<string, string>> values, string name)
    {
        foreach (var (key, value) in values)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
