using System.Text;

namespace DanVan.Analytics.Testing;

/// <summary>
/// Reproducible random strings for the tests that feed arbitrary user text (as Lucene's analysis tests do): drawn
/// from an alphabet, and when asked, now and then any UTF-16 unit (lone surrogates included). One copy, linked
/// into every test project that needs it.
/// </summary>
internal static class RandomText
{
    /// <summary>A string of 0 to <paramref name="maxLength"/> - 1 characters from <paramref name="alphabet"/>.</summary>
    /// <param name="random">The source of randomness.</param>
    /// <param name="alphabet">The characters to draw from.</param>
    /// <param name="maxLength">One more than the longest length.</param>
    /// <param name="anyUnitOneIn">When positive, about one character in this many is any UTF-16 unit instead.</param>
    public static string Next(Random random, string alphabet, int maxLength, int anyUnitOneIn = 0)
    {
        var builder = new StringBuilder();
        int length = random.Next(0, maxLength);
        for (int k = 0; k < length; k++)
        {
            builder.Append(anyUnitOneIn > 0 && random.Next(anyUnitOneIn) == 0 ? (char)random.Next(0, 0x10000) : alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    /// <summary>A string drawn with <paramref name="seed"/>: 0 to <paramref name="maxLength"/> - 1 characters, about one in seven any UTF-16 unit.</summary>
    public static string Create(int seed, string alphabet, int maxLength) => Next(new Random(seed), alphabet, maxLength, anyUnitOneIn: 7);

    /// <summary><paramref name="count"/> strings of 0 to <paramref name="maxLength"/> characters from <paramref name="alphabet"/>, drawn with <paramref name="seed"/>.</summary>
    public static IEnumerable<string> Strings(int seed, string alphabet, int count, int maxLength)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            yield return Next(random, alphabet, maxLength + 1);
        }
    }
}
