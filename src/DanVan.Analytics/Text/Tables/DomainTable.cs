namespace DanVan.Analytics.Text.Tables;

/// <summary>
/// Top-level domains that make a bare name with dots, such as <c>laodongthudo.vn</c> or <c>dangcongsan.vn</c>,
/// a URL. Kept short on purpose: every entry is a word that could also end a sentence written without a space.
/// </summary>
/// <remarks>Chosen by hand from the domains Vietnamese news cites; matched without regard to case.</remarks>
internal static class DomainTable
{
    /// <summary>The recognized top-level domains, lower case.</summary>
    public static readonly string[] TopLevelDomains =
    [
        "vn", "com", "net", "org", "gov", "edu", "int", "info", "biz", "io", "asia",
    ];

    /// <summary>True when <paramref name="label"/> is one of <see cref="TopLevelDomains"/>, in any case.</summary>
    public static bool IsTopLevelDomain(ReadOnlySpan<char> label)
    {
        foreach (string entry in TopLevelDomains)
        {
            if (label.Equals(entry, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
