using System.Text;

namespace DanVan.Analytics.Datasets.Sources;

/// <summary>
/// The text of an article record that datasets read and that offsets point into: the title, the lead and the body, each
/// present part separated from the next by a blank line ("\n\n"); a plain case's <c>text</c> as it is.
/// </summary>
/// <remarks>
/// SEAM: the architecture issue (12 §1) gives the core one definition of the article's text; this one, written the same
/// way, goes when it lands.
/// </remarks>
public static class ArticleText
{
    /// <summary>The separator between the parts.</summary>
    public const string PartSeparator = "\n\n";

    /// <summary>Title, lead and body joined by <see cref="PartSeparator"/>, empty parts left out.</summary>
    public static string Join(string? title, string? lead, string? body)
    {
        var builder = new StringBuilder((title?.Length ?? 0) + (lead?.Length ?? 0) + (body?.Length ?? 0) + 4);
        foreach (string? part in (ReadOnlySpan<string?>)[title, lead, body])
        {
            if (string.IsNullOrWhiteSpace(part))
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(PartSeparator);
            }

            builder.Append(part);
        }

        return builder.ToString();
    }
}
