using System.Text;
using DanVan.Analytics.Search.Analysis;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Search.Schema;

/// <summary>The exact-match keys of the keyword fields, written the same way at index and query time.</summary>
internal static class SearchKeys
{
    /// <summary>"https://www.Baomoi.com/x" or "WWW.baomoi.com" → "baomoi.com".</summary>
    public static string Site(string siteOrUrl)
    {
        string s = siteOrUrl.Trim();
        if (Uri.TryCreate(s, UriKind.Absolute, out Uri? uri) && uri.Host.Length > 0)
        {
            s = uri.Host;
        }

        s = s.TrimEnd('/').ToLowerInvariant();
        return s.StartsWith("www.", StringComparison.Ordinal) ? s[4..] : s;
    }

    /// <summary>
    /// The display form of a site: a host name or URL as its key ("WWW.Baomoi.com" → "baomoi.com"; host names have no
    /// case), a site named in words as written, normalized and spaces collapsed ("Ban Tuyên giáo  Trung ương").
    /// </summary>
    public static string SiteDisplay(string siteOrUrl)
    {
        string s = siteOrUrl.Trim();
        return s.AsSpan().IndexOfAny(' ', '\t', '\n') < 0 && (s.Contains('.', StringComparison.Ordinal) || s.Contains(':', StringComparison.Ordinal))
            ? Site(s)
            : OfficialDisplay(s);
    }

    /// <summary>A name normalized, spaces collapsed, in lower case: "Nguyễn  Doãn Toản" → "nguyễn doãn toản".</summary>
    public static string Official(string name) => CollapseSpaces(VietnameseNormalizer.Default.Normalize(name)).ToLowerInvariant();

    /// <summary>The display form of a name: normalized, spaces collapsed.</summary>
    public static string OfficialDisplay(string name) => CollapseSpaces(VietnameseNormalizer.Default.Normalize(name));

    /// <summary>The folded key of a name: "Nguyễn Doãn Toản" → "nguyen doan toan".</summary>
    public static string OfficialFolded(string name) => VietnameseFolder.Fold(Official(name));

    /// <summary>The canonical document code.</summary>
    public static string DocumentCode(string code) => DocumentCodeCanonicalizer.Canonicalize(code);

    /// <summary>The folded document code, for queries typed without diacritics: "04/2015/NĐ-CP" → "04/2015/nd-cp".</summary>
    public static string DocumentCodeFolded(string canonicalCode) => VietnameseFolder.Fold(canonicalCode);

    /// <summary>The key of a relevance verdict: "yes" or "no".</summary>
    public static string Relevant(bool relevant) => relevant ? "yes" : "no";

    /// <summary>
    /// The key of a topic: folded (no diacritics) and lower case, each run of spaces, hyphens and underscores as one
    /// '_', so that <c>topic:Dân-Vận-Khéo</c> finds <c>dan_van_kheo</c>.
    /// </summary>
    public static string Topic(string topic)
    {
        var key = new StringBuilder(topic.Length);
        foreach (char c in topic.Trim())
        {
            if (c is '-' or '_' || char.IsWhiteSpace(c))
            {
                if (key.Length > 0 && key[^1] != '_')
                {
                    key.Append('_');
                }
            }
            else
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return VietnameseFolder.Fold(key.ToString().TrimEnd('_'));
    }

    /// <summary>The calendar day in the article's own offset as yyyymmdd.</summary>
    public static int Day(DateTimeOffset date) => Day(date.Year, date.Month, date.Day);

    /// <summary>A calendar day as yyyymmdd.</summary>
    public static int Day(int year, int month, int day) => (year * 10000) + (month * 100) + day;

    /// <summary>True when <paramref name="text"/> carries no Vietnamese diacritics (folding changes nothing but case).</summary>
    public static bool IsWithoutDiacritics(string text) =>
        string.Equals(VietnameseFolder.Fold(text), text.ToLowerInvariant(), StringComparison.Ordinal);

    private static string CollapseSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (string part in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(part);
        }

        return builder.ToString();
    }
}
