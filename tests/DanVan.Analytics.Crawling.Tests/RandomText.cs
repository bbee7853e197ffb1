namespace DanVan.Analytics.Crawling.Tests;

/// <summary>Random strings over an alphabet, for robustness tests of parsers that take outside input.</summary>
internal static class RandomText
{
    /// <summary>Yields <paramref name="count"/> strings of up to <paramref name="maxLength"/> characters.</summary>
    public static IEnumerable<string> Strings(int seed, string alphabet, int count, int maxLength)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            var chars = new char[random.Next(0, maxLength + 1)];
            for (int k = 0; k < chars.Length; k++)
            {
                chars[k] = alphabet[random.Next(alphabet.Length)];
            }

            yield return new string(chars);
        }
    }
}
