namespace DanVan.Analytics.Parsing.Evaluation;

/// <summary>How one page scored.</summary>
/// <param name="Case">The annotated page.</param>
/// <param name="Missed">The <c>with</c> passages the body lacks (false negatives).</param>
/// <param name="Leaked">The <c>without</c> passages the body contains (false positives).</param>
/// <param name="TruePositives">The <c>with</c> passages found.</param>
/// <param name="TrueNegatives">The <c>without</c> passages kept out.</param>
/// <param name="Title">The title the parser gave, or null.</param>
/// <param name="Date">The publication date the parser gave, or null.</param>
/// <param name="Authors">The authors the parser gave, joined with "; ".</param>
/// <param name="Error">Why the page could not be parsed, or null.</param>
public sealed record ParsingEvalPage(
    ParsingEvalCase Case,
    IReadOnlyList<string> Missed,
    IReadOnlyList<string> Leaked,
    int TruePositives,
    int TrueNegatives,
    string? Title,
    DateOnly? Date,
    string Authors,
    string? Error)
{
    /// <summary>True when the annotated title is given and the parser's equals it.</summary>
    public bool TitleCorrect { get; init; }

    /// <summary>True when the annotated date is given and the parser's equals it.</summary>
    public bool DateCorrect { get; init; }

    /// <summary>True when a non-empty annotated author is given and the parser's names match it.</summary>
    public bool AuthorCorrect { get; init; }

    /// <summary>Misses and leaks together: how badly the body went wrong.</summary>
    public int Errors => Missed.Count + Leaked.Count;
}

/// <summary>
/// The scores of an evaluation run in the convention of the corpus: passage counts summed over all pages,
/// then precision, recall, F1 and accuracy; metadata as the share of annotated pages the parser got exactly.
/// </summary>
public sealed record ParsingEvalReport(IReadOnlyList<ParsingEvalPage> Pages)
{
    /// <summary>The <c>with</c> passages found in the bodies.</summary>
    public int TruePositives => Pages.Sum(p => p.TruePositives);

    /// <summary>The <c>with</c> passages missing from the bodies.</summary>
    public int FalseNegatives => Pages.Sum(p => p.Missed.Count);

    /// <summary>The <c>without</c> passages found in the bodies.</summary>
    public int FalsePositives => Pages.Sum(p => p.Leaked.Count);

    /// <summary>The <c>without</c> passages kept out of the bodies.</summary>
    public int TrueNegatives => Pages.Sum(p => p.TrueNegatives);

    /// <summary>tp / (tp + fp).</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    /// <summary>tp / (tp + fn).</summary>
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>(tp + tn) / all passages.</summary>
    public double Accuracy => Ratio(TruePositives + TrueNegatives, TruePositives + TrueNegatives + FalsePositives + FalseNegatives);

    /// <summary>The pages with an annotated, non-empty title.</summary>
    public int TitlePages => Pages.Count(p => !string.IsNullOrWhiteSpace(p.Case.Title));

    /// <summary>The share of <see cref="TitlePages"/> whose title the parser gave exactly (whitespace collapsed).</summary>
    public double TitleExact => Ratio(Pages.Count(p => p.TitleCorrect), TitlePages);

    /// <summary>The pages with an annotated date.</summary>
    public int DatePages => Pages.Count(p => p.Case.Date is not null);

    /// <summary>The share of <see cref="DatePages"/> whose publication date the parser gave.</summary>
    public double DateExact => Ratio(Pages.Count(p => p.DateCorrect), DatePages);

    /// <summary>The pages with an annotated, non-empty author.</summary>
    public int AuthorPages => Pages.Count(p => !string.IsNullOrWhiteSpace(p.Case.Author));

    /// <summary>The share of <see cref="AuthorPages"/> whose author names the parser gave (case and order aside).</summary>
    public double AuthorExact => Ratio(Pages.Count(p => p.AuthorCorrect), AuthorPages);

    /// <summary>The pages that could not be parsed.</summary>
    public int Failed => Pages.Count(p => p.Error is not null);

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
