namespace DanVan.Analytics.Datasets.Ner;

/// <summary>The entity kinds of the token-level dataset.</summary>
public enum EntityKind
{
    /// <summary>An official's name, at each mention.</summary>
    Person = 0,

    /// <summary>A title phrase written with a name.</summary>
    Title = 1,

    /// <summary>A document code or reference.</summary>
    Document = 2,

    /// <summary>A model-count phrase.</summary>
    Count = 3,
}

/// <summary>The IOB2 label set, in the order the <c>ner_tags</c> integers index.</summary>
public static class NerLabels
{
    /// <summary>The labels: <c>O, B-PER, I-PER, B-TITLE, I-TITLE, B-DOC, I-DOC, B-COUNT, I-COUNT</c>.</summary>
    public static IReadOnlyList<string> All { get; } = ["O", "B-PER", "I-PER", "B-TITLE", "I-TITLE", "B-DOC", "I-DOC", "B-COUNT", "I-COUNT"];

    /// <summary>The index of "O".</summary>
    public const int Outside = 0;

    /// <summary>The index of the B- label of <paramref name="kind"/>; the I- label is the next one.</summary>
    public static int Begin(EntityKind kind) => 1 + (2 * (int)kind);

    /// <summary>The short name of <paramref name="kind"/>: PER, TITLE, DOC, COUNT.</summary>
    public static string Name(EntityKind kind) => kind switch
    {
        EntityKind.Person => "PER",
        EntityKind.Title => "TITLE",
        EntityKind.Document => "DOC",
        _ => "COUNT",
    };
}

/// <summary>An entity: a span of the article's text and its kind.</summary>
/// <param name="Start">The offset of the first character.</param>
/// <param name="End">The offset just past the last character.</param>
/// <param name="Kind">What it is.</param>
public readonly record struct EntitySpan(int Start, int End, EntityKind Kind);
