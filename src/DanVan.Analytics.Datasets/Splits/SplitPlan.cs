using System.Globalization;

namespace DanVan.Analytics.Datasets.Splits;

/// <summary>What keeps articles together in one split.</summary>
public enum SplitGrouping
{
    /// <summary>Each article on its own.</summary>
    None = 0,

    /// <summary>All of a site's articles in one split (no leakage of a site's boilerplate or house style).</summary>
    Site = 1,

    /// <summary>All of a publication month's articles in one split.</summary>
    Month = 2,
}

/// <summary>
/// Deterministic grouped splits: a group's key (site, month or article id) and the seed are hashed (FNV-1a, 64 bits)
/// to a number in [0, 1), which falls into train, dev or test by the ratios. The same key and seed give the same split on
/// any machine, in any shard and in any input order, so shards processed apart agree.
/// </summary>
/// <param name="Train">The share of train, in percent.</param>
/// <param name="Dev">The share of dev, in percent.</param>
/// <param name="Test">The share of test, in percent.</param>
/// <param name="Grouping">What keeps articles together.</param>
/// <param name="Seed">The seed.</param>
public sealed record SplitPlan(int Train, int Dev, int Test, SplitGrouping Grouping, long Seed)
{
    /// <summary>The split names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["train", "dev", "test"];

    /// <summary>80/10/10 by site, seed 42.</summary>
    public static SplitPlan Default { get; } = new(80, 10, 10, SplitGrouping.Site, 42);

    /// <summary>Parses "80/10/10" (three whole percentages that add up to 100).</summary>
    /// <exception cref="FormatException">The value is not of that shape.</exception>
    public static (int Train, int Dev, int Test) ParseRatios(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string[] parts = value.Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length != 3 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw new FormatException($"\"{value}\" is not a split such as 80/10/10.");
        }

        int[] n = [.. parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture))];
        return n.Sum() != 100 ? throw new FormatException($"The split {value} does not add up to 100.") : (n[0], n[1], n[2]);
    }

    /// <summary>Parses "site", "month" or "none".</summary>
    /// <exception cref="FormatException">Another value.</exception>
    public static SplitGrouping ParseGrouping(string value) => value?.Trim().ToLowerInvariant() switch
    {
        "site" => SplitGrouping.Site,
        "month" => SplitGrouping.Month,
        "none" => SplitGrouping.None,
        _ => throw new FormatException($"\"{value}\" is not site, month or none."),
    };

    /// <summary>The key of the group <paramref name="articleId"/> belongs to.</summary>
    public string GroupKey(string articleId, string? site, DateTimeOffset? published) => Grouping switch
    {
        SplitGrouping.Site => "site:" + (site?.ToLowerInvariant() ?? "(unknown)"),
        SplitGrouping.Month => "month:" + (published?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "(unknown)"),
        _ => "article:" + articleId,
    };

    /// <summary>The split of a group: 0 train, 1 dev, 2 test.</summary>
    public int SplitOf(string groupKey)
    {
        double u = StableHash.UnitInterval(groupKey, Seed);
        double train = Train / 100.0;
        double dev = (Train + Dev) / 100.0;
        return u < train ? 0 : u < dev ? 1 : 2;
    }
}

/// <summary>A hash that is the same on every machine and run (unlike <see cref="string.GetHashCode()"/>).</summary>
internal static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>FNV-1a over the UTF-16 code units of <paramref name="value"/>, started from <paramref name="seed"/>.</summary>
    public static ulong Fnv1a(ReadOnlySpan<char> value, ulong seed = 0)
    {
        ulong hash = OffsetBasis ^ seed;
        foreach (char c in value)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return hash;
    }

    /// <summary>A final mix (SplitMix64's) so that nearby inputs spread over all bits.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>A number in [0, 1) from <paramref name="value"/> and <paramref name="seed"/>.</summary>
    public static double UnitInterval(string value, long seed) =>
        (Mix(Fnv1a(value, (ulong)seed)) >> 11) * (1.0 / (1UL << 53));
}
