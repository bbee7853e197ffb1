using System.Globalization;
using System.Text;

namespace DanVan.Analytics.Parsing.Evaluation;

/// <summary>
/// Scores the parser on an annotated evaluation set (see <see cref="ParsingEvalCase"/>) in the corpus's own
/// convention: whitespace runs collapse to one space in the body and in each passage; a <c>with</c> passage
/// found in the body is a true positive, else a false negative; a <c>without</c> passage found is a false
/// positive, else a true negative. A page that fails to parse misses all its <c>with</c> passages.
/// The body scored is the visible lead (not a description from the metadata) followed by the paragraphs.
/// </summary>
public static class ParsingEvaluator
{
    // Words that join or introduce names in bylines rather than belong to them ("Von X und Y", "By X and Y").
    private static readonly HashSet<string> NameJoiners = new(StringComparer.Ordinal)
    {
        "by", "von", "and", "und", "et", "y", "e", "i", "và", "của", "theo", "par", "por", "di", "door", "en", "og", "och", "oraz", "from", "text", "texte", "autor", "author",
    };

    /// <summary>Parses and scores every page of <paramref name="cases"/>.</summary>
    /// <param name="cases">The annotated pages.</param>
    /// <param name="options">Parser options; the defaults when null.</param>
    /// <param name="maxDegreeOfParallelism">How many pages to parse at once (one parser per thread).</param>
    /// <param name="progress">Receives the number of pages scored so far.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static ParsingEvalReport Evaluate(
        IEnumerable<ParsingEvalCase> cases,
        ArticleParseOptions? options = null,
        int maxDegreeOfParallelism = 1,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        List<ParsingEvalCase> list = [.. cases];
        var pages = new ParsingEvalPage[list.Count];
        int done = 0;
        using var parsers = new ThreadLocal<ArticleParser>(() => new ArticleParser(options));
        Parallel.For(
            0,
            list.Count,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken },
            i =>
            {
                pages[i] = Score(list[i], parsers.Value!, cancellationToken);
                progress?.Report(Interlocked.Increment(ref done));
            });
        return new ParsingEvalReport(pages);
    }

    /// <summary>Parses and scores one page with <paramref name="parser"/>.</summary>
    /// <param name="entry">The annotated page.</param>
    /// <param name="parser">The parser to use.</param>
    /// <param name="cancellationToken">Cancels the parse.</param>
    public static ParsingEvalPage Score(ParsingEvalCase entry, ArticleParser parser, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(parser);
        Article? article = null;
        string? error = null;
        try
        {
            using FileStream stream = File.OpenRead(entry.Path);
            article = parser.Parse(stream, entry.Url, cancellationToken: cancellationToken);
        }
        catch (Exception exception) when (exception is ArticleParseException or IOException or UnauthorizedAccessException)
        {
            error = exception.Message;
        }

        string body = article is null ? string.Empty : Collapse(BodyText(article));
        var missed = new List<string>();
        var leaked = new List<string>();
        int found = 0;
        foreach (string passage in entry.With)
        {
            if (body.Length > 0 && body.Contains(Collapse(passage), StringComparison.Ordinal))
            {
                found++;
            }
            else
            {
                missed.Add(passage);
            }
        }

        foreach (string passage in entry.Without)
        {
            if (body.Length > 0 && body.Contains(Collapse(passage), StringComparison.Ordinal))
            {
                leaked.Add(passage);
            }
        }

        DateOnly? date = article?.Published is { } published ? DateOnly.FromDateTime(published.DateTime) : null;
        string authors = article is null ? string.Empty : string.Join("; ", article.Authors);
        return new ParsingEvalPage(entry, missed, leaked, found, entry.Without.Count - leaked.Count, article?.Title, date, authors, error)
        {
            TitleCorrect = !string.IsNullOrWhiteSpace(entry.Title) && article?.Title is { } title && Collapse(title) == Collapse(entry.Title),
            DateCorrect = entry.Date is not null && date == entry.Date,
            AuthorCorrect = !string.IsNullOrWhiteSpace(entry.Author) && article is not null && SameNames(entry.Author, article.Authors),
        };
    }

    /// <summary>The text scored for a page: the visible lead, then the paragraphs.</summary>
    public static string BodyText(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        bool leadFromMetadata = article.Warnings.Any(w => w.Code == ParseWarningCode.LeadFromMetadata);
        return article.Lead is { Length: > 0 } lead && !leadFromMetadata ? lead + "\n" + article.Body : article.Body;
    }

    // The annotation joins several names in one string; compare the words of the names, case and order aside.
    private static bool SameNames(string expected, IReadOnlyList<string> authors)
    {
        HashSet<string> want = NameWords(expected);
        HashSet<string> got = NameWords(string.Join(" ", authors));
        return want.Count > 0 && want.SetEquals(got);
    }

    private static HashSet<string> NameWords(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (char c in text.Normalize(NormalizationForm.FormC) + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (word.Length > 0)
            {
                string w = word.ToString();
                if (!NameJoiners.Contains(w))
                {
                    words.Add(w);
                }

                word.Clear();
            }
        }

        return words;
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
