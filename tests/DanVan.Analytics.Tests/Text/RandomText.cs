using System.Text;

namespace DanVan.Analytics.Tests.Text;

/// <summary>Reproducible random strings for the random-input tests: mostly from an alphabet, sometimes any UTF-16 unit.</summary>
internal static class RandomText
{
    /// <summary>A string of 0 to <paramref name="maxLength"/> - 1 characters drawn with <paramref name="seed"/>.</summary>
    public static string Create(int seed, string alphabet, int maxLength)
    {
        var random = new Random(seed);
        var builder = new StringBuilder();
        int length = random.Next(0, maxLength);
        for (int k = 0; k < length; k++)
        {
            builder.Append(random.Next(7) == 0 ? (char)random.Next(0, 0x10000) : alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }
}
