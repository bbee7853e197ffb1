using System.Text;

namespace DanVan.Analytics.Search.Tests.Fixtures;

/// <summary>Random strings over an alphabet, for tests that feed arbitrary user text (as Lucene's analysis tests do).</summary>
internal static class RandomText
{
    public static string Next(Random random, string alphabet, int maxLength)
    {
        var builder = new StringBuilder();
        int length = random.Next(0, maxLength);
        for (int k = 0; k < length; k++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }
}
