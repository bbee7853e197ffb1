using System.Reflection;

namespace DanVan.Analytics.Parsing.Tables;

/// <summary>Reads the data tables embedded from <c>Tables/*.tsv</c>: their lines, without comments and blank lines.</summary>
internal static class TableResource
{
    /// <summary>The trimmed lines of <c>Tables/<paramref name="name"/>.tsv</c> that are neither blank nor '#' comments.</summary>
    public static List<string> Lines(string name)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"DanVan.Analytics.Parsing.Tables.{name}.tsv")
            ?? throw new InvalidOperationException($"The table {name}.tsv is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            string trimmed = line.Trim();
            if (trimmed.Length > 0 && trimmed[0] != '#')
            {
                lines.Add(trimmed);
            }
        }

        return lines;
    }

    /// <summary>A case-insensitive alternation of the table's phrases, longest first, spaces matching any run of spaces.</summary>
    public static string Alternation(string name)
    {
        List<string> phrases = [.. Lines(name).Select(p => System.Text.RegularExpressions.Regex.Escape(p).Replace("\\ ", "\\s+", StringComparison.Ordinal))];
        phrases.Sort((a, b) => b.Length.CompareTo(a.Length));
        return string.Join('|', phrases);
    }
}
