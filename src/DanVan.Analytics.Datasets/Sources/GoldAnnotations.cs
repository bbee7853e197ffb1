using System.Globalization;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Extraction;
using DanVan.Analytics.Evaluation;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Datasets.Sources;

/// <summary>
/// Hand-made annotations of the gold schema (<c>shared/gold/SCHEMA.md</c>) as the facts of an article, so a dataset can be
/// made of hand labels instead of the extractor's.
/// </summary>
/// <remarks>
/// The schema gives surfaces, not always offsets: a document or count with a valid <c>start</c>/<c>length</c> keeps it,
/// else its surface is searched in the text after the previous one of its kind. An official's mentions are the given ones,
/// else every whole-word occurrence of the name; a title is placed at its nearest occurrence in a mention's sentence.
/// Annotations whose surface is not in the text are left out.
/// </remarks>
public static class GoldAnnotations
{
    /// <summary>Reads the cases of a gold file as articles with their annotations.</summary>
    /// <param name="path">The gold JSONL file.</param>
    /// <param name="options">The bad-line policy (a line that is not a case with an id and a text is bad).</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static IAsyncEnumerable<DatasetArticle> ReadAsync(string path, JsonLinesReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        string file = Path.GetFileName(path);
        return JsonLines.ReadAsync(path, line => ToArticle(ExtractionCaseJson.Parse(line), file), options, cancellationToken);
    }

    private static DatasetArticle ToArticle(ExtractionCase c, string file) =>
        string.IsNullOrWhiteSpace(c.Id) || c.Text is null
            ? throw new FormatException("a gold case needs \"id\" and \"text\"")
            : new DatasetArticle { Id = c.Id, Text = c.Text, Url = c.Source, SourceFile = file, Annotations = ToFacts(c) };

    /// <summary>The facts of <paramref name="gold"/>, placed in its text.</summary>
    public static ExtractionResult ToFacts(ExtractionCase gold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        string text = gold.Text ?? string.Empty;
        int[] sentences = SentenceStarts(text);
        var documents = new List<DocumentReference>();
        int cursor = 0;
        foreach (CaseDocument d in gold.Documents)
        {
            if (Place(text, d.Surface, d.Start, d.Length, ref cursor) is not TextSpan span)
            {
                continue;
            }

            DateOnly? date = DateOnly.TryParseExact(d.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly parsed) ? parsed : null;
            documents.Add(new DocumentReference(d.Surface, span, SentenceOf(sentences, span.Start), d.Surface, d.DocType ?? string.Empty,
                d.Number ?? string.Empty, d.Canonical, date, d.IsShort, d.IssuerBody, d.Term));
        }

        var counts = new List<ModelCount>();
        cursor = 0;
        foreach (CaseModelCount m in gold.ModelCounts)
        {
            if (Place(text, m.Surface, m.Start, m.Length, ref cursor) is not TextSpan span)
            {
                continue;
            }

            counts.Add(new ModelCount(m.Surface, span, SentenceOf(sentences, span.Start), m.Surface, m.Value, Qualifier(m.Qualifier),
                m.Noun ?? string.Empty, m.Movement, m.Scope, m.Period));
        }

        var officials = new List<Official>();
        foreach (CaseOfficial o in gold.Officials)
        {
            List<TextSpan> spans = o.Mentions is { Count: > 0 } given
                ? [.. given.Where(g => g.Start >= 0 && g.Start + g.Length <= text.Length).Select(g => new TextSpan(g.Start, g.Length))]
                : WholeWords(text, o.Name);
            if (spans.Count == 0)
            {
                continue;
            }

            var mentions = new List<OfficialMention>(spans.Count);
            foreach (TextSpan span in spans)
            {
                int sentence = SentenceOf(sentences, span.Start);
                var titles = new List<OfficialTitle>();
                foreach (string title in o.Titles)
                {
                    TextSpan? at = Nearest(text, title, span, SentenceStart(sentences, sentence), SentenceStart(sentences, sentence + 1, text.Length));
                    if (at is not null)
                    {
                        titles.Add(new OfficialTitle(title, title, null, AdministrativeLevel.Unknown) { Span = at });
                    }
                }

                mentions.Add(new OfficialMention(text.Substring(span.Start, span.Length), span, sentence, text.Substring(span.Start, span.Length), titles));
            }

            officials.Add(new Official(o.Name, [.. o.Titles.Select(t => new OfficialTitle(t, t, null, AdministrativeLevel.Unknown))], mentions));
        }

        return new ExtractionResult(documents, counts, officials);
    }

    private static TextSpan? Place(string text, string surface, int? start, int? length, ref int cursor)
    {
        if (start is int s && length is int n && s >= 0 && n > 0 && s + n <= text.Length && text.AsSpan(s, n).SequenceEqual(surface))
        {
            cursor = s + n;
            return new TextSpan(s, n);
        }

        if (surface.Length == 0)
        {
            return null;
        }

        int at = text.IndexOf(surface, Math.Min(cursor, text.Length), StringComparison.Ordinal);
        if (at < 0)
        {
            at = text.IndexOf(surface, StringComparison.Ordinal);
        }

        if (at < 0)
        {
            return null;
        }

        cursor = at + surface.Length;
        return new TextSpan(at, surface.Length);
    }

    private static List<TextSpan> WholeWords(string text, string phrase)
    {
        var spans = new List<TextSpan>();
        if (phrase.Length == 0)
        {
            return spans;
        }

        for (int at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + phrase.Length, StringComparison.Ordinal))
        {
            bool before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            int end = at + phrase.Length;
            bool after = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after)
            {
                spans.Add(new TextSpan(at, phrase.Length));
            }
        }

        return spans;
    }

    // The whole-word occurrence of the title in [from, to) closest to the name, not overlapping it.
    private static TextSpan? Nearest(string text, string title, TextSpan name, int from, int to)
    {
        TextSpan? best = null;
        int bestDistance = int.MaxValue;
        foreach (TextSpan t in WholeWords(text, title))
        {
            if (t.Start < from || t.End > to || (t.Start < name.End && t.End > name.Start))
            {
                continue;
            }

            int distance = t.End <= name.Start ? name.Start - t.End : t.Start - name.End;
            if (distance < bestDistance)
            {
                best = t;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int[] SentenceStarts(string text)
    {
        var starts = new List<int>();
        foreach (TextSpan s in SentenceSegmenter.Split(text))
        {
            starts.Add(s.Start);
        }

        return starts.Count == 0 ? [0] : [.. starts];
    }

    private static int SentenceOf(int[] starts, int offset)
    {
        int i = Array.BinarySearch(starts, offset);
        return i >= 0 ? i : Math.Max(0, ~i - 1);
    }

    private static int SentenceStart(int[] starts, int sentence, int end = 0) => sentence < starts.Length ? starts[sentence] : end;

    private static CountQualifier Qualifier(string name) => name switch
    {
        "approx" => CountQualifier.Approx,
        "more_than" => CountQualifier.MoreThan,
        "at_least" => CountQualifier.AtLeast,
        "less_than" => CountQualifier.LessThan,
        "vague" => CountQualifier.Vague,
        _ => CountQualifier.Exact,
    };
}
