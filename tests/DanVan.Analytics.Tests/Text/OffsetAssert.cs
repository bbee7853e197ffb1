using DanVan.Analytics.Text;

namespace DanVan.Analytics.Tests.Text;

/// <summary>Checks of the offset map of a <see cref="NormalizedText"/>.</summary>
internal static class OffsetAssert
{
    /// <summary>ToOriginal is monotonic, starts at 0 (unless everything was removed) and ends at the original length.</summary>
    public static void IsMonotonicWithFixedEnds(NormalizedText n)
    {
        if (n.Text.Length > 0)
        {
            Assert.Equal(0, n.ToOriginal(0));
        }

        Assert.Equal(n.Original.Length, n.ToOriginal(n.Text.Length));
        int previous = 0;
        for (int k = 0; k <= n.Text.Length; k++)
        {
            int mapped = n.ToOriginal(k);
            Assert.InRange(mapped, previous, n.Original.Length);
            previous = mapped;
        }
    }

    /// <summary>
    /// Every whitespace-delimited run of the normalized text maps to original text that normalizes to the same run.
    /// </summary>
    public static void MapsEveryWordBack(VietnameseNormalizer normalizer, NormalizedText n)
    {
        IsMonotonicWithFixedEnds(n);
        string text = n.Text;
        int start = 0;
        for (int k = 0; k <= text.Length; k++)
        {
            if (k < text.Length && !char.IsWhiteSpace(text[k]))
            {
                continue;
            }

            if (k > start)
            {
                TextSpan original = n.ToOriginal(new TextSpan(start, k - start));
                string source = n.Original.Substring(original.Start, original.Length);
                Assert.Equal(text[start..k], normalizer.Normalize(source));
            }

            start = k + 1;
        }
    }
}
