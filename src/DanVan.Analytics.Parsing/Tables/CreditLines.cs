using System.Reflection;
using System.Text.RegularExpressions;

namespace DanVan.Analytics.Parsing.Tables;

/// <summary>
/// Recognises a photo credit or picture note set as a line of its own ("(Foto: Tony Silva)", "Bild: AFP/SID",
/// "© Bundesrat | Frank Bräuer"): a short line with a credit label from <c>CreditLabels.tsv</c> followed by a
/// colon at its start or after a bracket or punctuation, or with a copyright sign.
/// </summary>
internal static class CreditLines
{
    /// <summary>Longer lines are prose that happens to name a photographer.</summary>
    public const int MaxChars = 200;

    private static readonly Regex Pattern = Build();

    /// <summary>True when <paramref name="text"/> is a credit line.</summary>
    public static bool IsCredit(string text) =>
        text.Length <= MaxChars && (text.Contains('©') || Pattern.IsMatch(text));

    private static Regex Build()
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("DanVan.Analytics.Parsing.Tables.CreditLabels.tsv")
            ?? throw new InvalidOperationException("The credit-label table is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var labels = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            string label = line.Trim();
            if (label.Length > 0 && label[0] != '#')
            {
                labels.Add(Regex.Escape(label).Replace("\\ ", "\\s+", StringComparison.Ordinal));
            }
        }

        // Longest first, so "crédits photos" wins over "credit".
        labels.Sort((a, b) => b.Length.CompareTo(a.Length));
        return new Regex(@"(?:^|[(\[.,;|/–-]\s*)(?:" + string.Join('|', labels) + @")\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }
}
