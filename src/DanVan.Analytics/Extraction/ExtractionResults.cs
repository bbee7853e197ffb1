using DanVan.Analytics.Text;

namespace DanVan.Analytics.Extraction;

/// <summary>A numbered document named in an article: "Nghị quyết số 25-NQ/TW ngày 3/6/2013".</summary>
/// <param name="Surface">The mention as written in the original text.</param>
/// <param name="Span">Where <paramref name="Surface"/> stands in the original text.</param>
/// <param name="SentenceIndex">The 0-based index of the sentence the mention starts in.</param>
/// <param name="NormalizedSurface">The mention in the normalized text (NFC, canonical tone marks).</param>
/// <param name="DocumentType">The kind of document in lower case: "nghị quyết", "quyết định", "chương trình hành động" ...</param>
/// <param name="Number">The document number as written, leading zeros kept: "25", "07".</param>
/// <param name="Canonical">The canonical id ("25-NQ/TW", "04/2015/NĐ-CP"); for a short reference the full id stated elsewhere in the article, or null.</param>
/// <param name="Date">The issue date written with the reference, or null.</param>
/// <param name="IsShort">True for a reference with a type and number but no code ("Nghị quyết 25").</param>
/// <param name="IssuingBody">The issuing body written after the reference ("Ban Chấp hành Trung ương Đảng"), or null.</param>
/// <param name="Term">The term of the issuing body ("XI" in "khóa XI"), or null.</param>
public sealed record DocumentReference(
    string Surface,
    TextSpan Span,
    int SentenceIndex,
    string NormalizedSurface,
    string DocumentType,
    string Number,
    string? Canonical,
    DateOnly? Date,
    bool IsShort,
    string? IssuingBody,
    string? Term);

/// <summary>How a count is qualified.</summary>
public enum CountQualifier
{
    /// <summary>The number as it stands.</summary>
    Exact = 0,

    /// <summary>About: gần, khoảng, xấp xỉ, trên dưới.</summary>
    Approx = 1,

    /// <summary>More than: hơn, trên, ngoài.</summary>
    MoreThan = 2,

    /// <summary>At least: ít nhất, tối thiểu.</summary>
    AtLeast = 3,

    /// <summary>Fewer than: dưới, chưa đến.</summary>
    LessThan = 4,

    /// <summary>An order of magnitude only: hàng trăm, hàng nghìn, hàng vạn.</summary>
    Vague = 5,
}

/// <summary>A count of "mô hình" / "điển hình" (models): "gần 36.000 mô hình, điển hình “Dân vận khéo”".</summary>
/// <param name="Surface">The count as written in the original text.</param>
/// <param name="Span">Where <paramref name="Surface"/> stands in the original text.</param>
/// <param name="SentenceIndex">The 0-based index of the sentence.</param>
/// <param name="NormalizedSurface">The count in the normalized text.</param>
/// <param name="Value">The number counted (36000; 100 for "hàng trăm").</param>
/// <param name="Qualifier">How the number is qualified.</param>
/// <param name="Noun">The counted noun as written: "mô hình", "điển hình", "mô hình, điển hình".</param>
/// <param name="Movement">The emulation movement the models belong to ("Dân vận khéo"), or null.</param>
/// <param name="Scope">Where the count holds as written ("toàn thành phố"), or null.</param>
/// <param name="Period">The period the count covers as written ("giai đoạn từ 2013 - 2017"), or null.</param>
public sealed record ModelCount(
    string Surface,
    TextSpan Span,
    int SentenceIndex,
    string NormalizedSurface,
    long Value,
    CountQualifier Qualifier,
    string Noun,
    string? Movement,
    string? Scope,
    string? Period);

/// <summary>The level of the administrative or Party unit a title belongs to.</summary>
public enum AdministrativeLevel
{
    /// <summary>Not stated or not known (ranks, titles without a unit).</summary>
    Unknown = 0,

    /// <summary>Trung ương: the Party centre, National Assembly, Government, ministries.</summary>
    Central = 1,

    /// <summary>Tỉnh / thành phố trực thuộc trung ương.</summary>
    Province = 2,

    /// <summary>Huyện / quận / thị xã / thành phố thuộc tỉnh.</summary>
    District = 3,

    /// <summary>Xã / phường / thị trấn.</summary>
    Commune = 4,

    /// <summary>Thôn / ấp / bản / tổ dân phố / chi bộ.</summary>
    Village = 5,
}

/// <summary>A title written next to a name, split into its parts.</summary>
/// <param name="Text">The title as written (normalized: NFC, canonical tone marks, single spaces).</param>
/// <param name="Position">The position or rank: "Phó Bí thư Thường trực", "Chủ tịch", "Đại tá".</param>
/// <param name="Organisation">The unit written after the position ("Quận ủy", "UBND thành phố"), or null.</param>
/// <param name="Level">The administrative level of the unit.</param>
public sealed record OfficialTitle(string Text, string Position, string? Organisation, AdministrativeLevel Level)
{
    /// <summary>
    /// Where the title stands in the original text, in the mention it was read with (a title written once before a list
    /// of names is one span shared by their mentions); null when not known.
    /// </summary>
    public TextSpan? Span { get; init; }
}

/// <summary>
/// Why a capitalized sequence was read as a person's name, from the most to the least certain. Kept with every
/// mention so that later learning can weigh the decisions the rules were least sure of.
/// </summary>
public enum NameEvidence
{
    /// <summary>It starts with a family name from the lexicon ("Nguyễn", "Lò", "Ksor").</summary>
    KnownFamilyName = 0,

    /// <summary>Its second word marks a name ("Văn", "Thị", "A", "Seo"): "Cà Thị Nhung", "Vừ A Chinh".</summary>
    NamePattern = 1,

    /// <summary>An honorific ("ông", "bà", "đồng chí", "ngài") introduces it; its family name is not in the lexicon ("bà Thị Sa Rết").</summary>
    Honorific = 2,

    /// <summary>
    /// Only its place right after a title (and after the place the title's unit is in) makes it a name; its family
    /// name is not in the lexicon ("Bí thư Huyện ủy Tây Giang Zơrâm Dũng"). The least certain reading.
    /// </summary>
    Position = 3,
}

/// <summary>One mention of an official in the text.</summary>
/// <param name="Surface">The name as written in the original text.</param>
/// <param name="Span">Where the name stands in the original text.</param>
/// <param name="SentenceIndex">The 0-based index of the sentence.</param>
/// <param name="NormalizedSurface">The name as written, in the normalized text ("Mai" for a later "đồng chí Mai").</param>
/// <param name="Titles">The titles written with this mention.</param>
public sealed record OfficialMention(string Surface, TextSpan Span, int SentenceIndex, string NormalizedSurface, IReadOnlyList<OfficialTitle> Titles)
{
    /// <summary>Why the words were read as a name (<see cref="NameEvidence.KnownFamilyName"/> unless set).</summary>
    public NameEvidence Evidence { get; init; }
}

/// <summary>A person with a political, administrative, Party, mass-organisation or military title, all mentions merged.</summary>
/// <param name="Name">The full name, family name first, normalized, without honorific.</param>
/// <param name="Titles">The union of the titles of all mentions, in order of first appearance.</param>
/// <param name="Mentions">Every mention, in text order (a later "đồng chí Mai" included).</param>
public sealed record Official(string Name, IReadOnlyList<OfficialTitle> Titles, IReadOnlyList<OfficialMention> Mentions);

/// <summary>Everything extracted from one article.</summary>
/// <param name="Documents">The document references, in text order (repeats included).</param>
/// <param name="ModelCounts">The model counts, in text order.</param>
/// <param name="Officials">The officials, in order of first mention.</param>
public sealed record ExtractionResult(
    IReadOnlyList<DocumentReference> Documents,
    IReadOnlyList<ModelCount> ModelCounts,
    IReadOnlyList<Official> Officials);
