using DanVan.Analytics.Parsing.Markup;

namespace DanVan.Analytics.Parsing.Tables;

/// <summary>What the content detector does with a block whose whole text is a boilerplate phrase.</summary>
internal enum BoilerplateAction
{
    /// <summary>Drop the block itself ("Chia sẻ", "In bài").</summary>
    Drop,

    /// <summary>Drop the block and the link list that follows it ("Tin liên quan" inside the body).</summary>
    DropWithFollowingLinks,

    /// <summary>The article has ended: drop the block and everything after it ("Gửi cho bạn bè", "Xem nhiều nhất").</summary>
    EndOfArticle,
}

/// <summary>
/// Phrases that Vietnamese news pages put around an article (share bars, feedback forms, related-news
/// boxes). Matched on the folded text (no diacritics, lower case, trailing ':' and spaces removed), so
/// "Ý KIẾN BÌNH LUẬN" and "ý kiến bình luận:" are one entry. Collected from the seed pages in
/// corpus/seeds and the layouts of the sites they come from, plus the common controls and reading boxes of
/// German, English, French, Spanish and Polish pages; extend the table, not the code.
/// </summary>
internal static class BoilerplateLexicon
{
    /// <summary>Folded phrase → action.</summary>
    public static IReadOnlyDictionary<string, BoilerplateAction> Phrases { get; } = Build(
    [
        ("Gửi cho bạn bè", BoilerplateAction.EndOfArticle),
        ("Phản hồi", BoilerplateAction.EndOfArticle),
        ("Gửi phản hồi", BoilerplateAction.EndOfArticle),
        ("Thông tin người gửi phản hồi", BoilerplateAction.EndOfArticle),
        ("Xem nhiều nhất", BoilerplateAction.EndOfArticle),
        ("Đọc nhiều nhất", BoilerplateAction.EndOfArticle),
        ("Tin đọc nhiều", BoilerplateAction.EndOfArticle),
        ("Có thể bạn quan tâm", BoilerplateAction.EndOfArticle),
        ("Ý kiến bình luận", BoilerplateAction.EndOfArticle),
        ("Ý kiến bạn đọc", BoilerplateAction.EndOfArticle),
        ("Bình luận", BoilerplateAction.EndOfArticle),
        ("Gửi bình luận", BoilerplateAction.EndOfArticle),
        ("Viết bình luận", BoilerplateAction.EndOfArticle),
        ("Tin cùng chuyên mục", BoilerplateAction.EndOfArticle),
        ("Tin khác", BoilerplateAction.EndOfArticle),
        ("Các tin khác", BoilerplateAction.EndOfArticle),
        ("Các tin đã đưa", BoilerplateAction.EndOfArticle),
        ("Tin mới nhất", BoilerplateAction.EndOfArticle),
        ("Tin mới", BoilerplateAction.EndOfArticle),
        ("Bài viết cùng chuyên mục", BoilerplateAction.EndOfArticle),
        ("Tin liên quan", BoilerplateAction.DropWithFollowingLinks),
        ("Bài liên quan", BoilerplateAction.DropWithFollowingLinks),
        ("Bài viết liên quan", BoilerplateAction.DropWithFollowingLinks),
        ("Xem thêm", BoilerplateAction.DropWithFollowingLinks),
        ("Đọc thêm", BoilerplateAction.DropWithFollowingLinks),
        ("Chia sẻ", BoilerplateAction.Drop),
        ("Chia sẻ bài viết", BoilerplateAction.Drop),
        ("Chia sẻ:", BoilerplateAction.Drop),
        ("In bài", BoilerplateAction.Drop),
        ("In bài viết", BoilerplateAction.Drop),
        ("In trang", BoilerplateAction.Drop),
        ("Trở lại", BoilerplateAction.Drop),
        ("Quay lại", BoilerplateAction.Drop),
        ("Về đầu trang", BoilerplateAction.Drop),
        ("Lên đầu trang", BoilerplateAction.Drop),
        ("Gửi email", BoilerplateAction.Drop),
        ("Lưu bài viết", BoilerplateAction.Drop),
        ("Bản in", BoilerplateAction.Drop),
        ("Facebook", BoilerplateAction.Drop),
        ("Zalo", BoilerplateAction.Drop),
        ("Viber", BoilerplateAction.Drop),
        ("Twitter", BoilerplateAction.Drop),
        ("zalo-icon", BoilerplateAction.Drop),
        ("viber-icon", BoilerplateAction.Drop),
        ("facebook-icon", BoilerplateAction.Drop),
        ("Copy link", BoilerplateAction.Drop),
        ("Sao chép liên kết", BoilerplateAction.Drop),
        ("Từ khóa", BoilerplateAction.Drop),
        ("Tags", BoilerplateAction.Drop),
        ("Logo báo điện tử Đảng Cộng sản Việt Nam", BoilerplateAction.Drop),
        ("Quảng cáo", BoilerplateAction.Drop),

        // The same furniture on the foreign pages a crawl meets: related-reading boxes and single controls.
        ("Mehr zum Thema", BoilerplateAction.DropWithFollowingLinks),
        ("Zum Weiterlesen", BoilerplateAction.DropWithFollowingLinks),
        ("Schon gelesen?", BoilerplateAction.DropWithFollowingLinks),
        ("Lesen Sie auch", BoilerplateAction.DropWithFollowingLinks),
        ("Das könnte Sie auch interessieren", BoilerplateAction.DropWithFollowingLinks),
        ("Weitere Artikel", BoilerplateAction.DropWithFollowingLinks),
        ("Related articles", BoilerplateAction.DropWithFollowingLinks),
        ("Related posts", BoilerplateAction.DropWithFollowingLinks),
        ("Read more", BoilerplateAction.DropWithFollowingLinks),
        ("Read also", BoilerplateAction.DropWithFollowingLinks),
        ("You may also like", BoilerplateAction.DropWithFollowingLinks),
        ("À lire aussi", BoilerplateAction.DropWithFollowingLinks),
        ("Lire aussi", BoilerplateAction.DropWithFollowingLinks),
        ("Sur le même sujet", BoilerplateAction.DropWithFollowingLinks),
        ("Lee también", BoilerplateAction.DropWithFollowingLinks),
        ("Noticias relacionadas", BoilerplateAction.DropWithFollowingLinks),
        ("Czytaj także", BoilerplateAction.DropWithFollowingLinks),
        ("Zobacz też", BoilerplateAction.DropWithFollowingLinks),
        ("Advertisement", BoilerplateAction.Drop),
        ("Anzeige", BoilerplateAction.Drop),
        ("Werbung", BoilerplateAction.Drop),
        ("Publicité", BoilerplateAction.Drop),
        ("Publicidad", BoilerplateAction.Drop),
        ("Reklama", BoilerplateAction.Drop),
        ("Rezept drucken", BoilerplateAction.Drop),
        ("Print recipe", BoilerplateAction.Drop),
        ("Bild anzeigen", BoilerplateAction.Drop),
        ("Artikel teilen", BoilerplateAction.Drop),
        ("Möchten Sie den Artikel teilen?", BoilerplateAction.Drop),
        ("War der Artikel nützlich?", BoilerplateAction.Drop),
        ("War dieser Artikel hilfreich?", BoilerplateAction.Drop),
        ("Was this article helpful?", BoilerplateAction.Drop),
        ("Share this article", BoilerplateAction.Drop),
        ("Aufrufe", BoilerplateAction.Drop),
        ("Alle Angaben ohne Gewähr", BoilerplateAction.Drop),
        ("Quellen ausblenden", BoilerplateAction.Drop),
        ("Erschienen in", BoilerplateAction.Drop),
    ]);

    /// <summary>Phrases that start a block of boilerplate ("Trở lại Kinh doanh", "Chia sẻ bài viết lên facebook").</summary>
    public static IReadOnlyList<string> Prefixes { get; } =
    [
        "tro lai ",
        "chia se bai viet len ",
        "chia se len ",
        "tu khoa:",
        "tags:",
        "themen:",
        "schlagworte:",
        "schlagworter:",
        "kategorien:",
        "categories:",
        "filed under:",
        "pour lire la suite",
        "pour acceder en illimite",
        "to view the full story",
        "if you enjoyed reading this",
        "this post contains references to products",
        "this post may contain affiliate links",
        "den artikel mit anderen teilen",
        "this entry was posted",
        "bookmark the permalink",
        "dieser eintrag wurde veroffentlicht",
        "dieser beitrag wurde veroffentlicht",
        "der beitrag wurde am ",
        "cet article a ete publie",
        "cette entree a ete publiee",
        "esta entrada fue publicada",
        "was this article helpful",
        "was this page helpful",
        "how would you rate this article",
        "war dieser artikel hilfreich",
        "war der artikel nutzlich",
        "wie bewerten sie diesen artikel",
        "cet article vous a-t-il ete utile",
        "le resultat vous a-t-il ete utile",
        "theo doi chung toi",
        "theo doi bao ",
        "tai ung dung",
        "ban quyen thuoc",
        "copyright",
    ];

    /// <summary>Looks up <paramref name="folded"/>, a folded block text, in the table.</summary>
    public static bool TryMatch(string folded, out BoilerplateAction action)
    {
        ReadOnlySpan<char> key = folded.AsSpan().TrimEnd(" :.-|»>").TrimStart(" -|«<");
        if (key.Length <= 64 && Lookup.TryGetValue(key, out action))
        {
            return true;
        }

        foreach (string prefix in Prefixes)
        {
            if (folded.Length <= 120 && folded.StartsWith(prefix, StringComparison.Ordinal))
            {
                action = BoilerplateAction.Drop;
                return true;
            }
        }

        action = default;
        return false;
    }

    private static readonly Dictionary<string, BoilerplateAction>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        ((Dictionary<string, BoilerplateAction>)Phrases).GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, BoilerplateAction> Build((string Phrase, BoilerplateAction Action)[] rows)
    {
        var table = new Dictionary<string, BoilerplateAction>(StringComparer.Ordinal);
        foreach (var (phrase, action) in rows)
        {
            table[TextCleaner.FoldKey(phrase)] = action;
        }

        return table;
    }
}
