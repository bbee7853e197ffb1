namespace DanVan.Analytics.Parsing.Tests;

/// <summary>
/// The article-extraction benchmark metric: F1 between the bags of whitespace-token 4-gram shingles of the
/// extracted body and of the expected body. Texts shorter than four tokens count as one shingle.
/// </summary>
internal static class ShingleF1
{
    private const int N = 4;

    /// <summary>F1 of <paramref name="extracted"/> against <paramref name="expected"/>, in [0, 1].</summary>
    public static double Score(string extracted, string expected)
    {
        Dictionary<string, int> got = Shingles(extracted);
        Dictionary<string, int> want = Shingles(expected);
        int gotTotal = got.Values.Sum();
        int wantTotal = want.Values.Sum();
        if (gotTotal == 0 && wantTotal == 0)
        {
            return 1;
        }

        if (gotTotal == 0 || wantTotal == 0)
        {
            return 0;
        }

        int overlap = 0;
        foreach (var (shingle, count) in got)
        {
            if (want.TryGetValue(shingle, out int wanted))
            {
                overlap += Math.Min(count, wanted);
            }
        }

        double precision = (double)overlap / gotTotal;
        double recall = (double)overlap / wantTotal;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    private static Dictionary<string, int> Shingles(string text)
    {
        string[] tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Length == 0)
        {
            return bag;
        }

        if (tokens.Length < N)
        {
            bag[string.Join(' ', tokens)] = 1;
            return bag;
        }

        for (int i = 0; i + N <= tokens.Length; i++)
        {
            string shingle = string.Join(' ', tokens, i, N);
            bag[shingle] = bag.GetValueOrDefault(shingle) + 1;
        }

        return bag;
    }
}
