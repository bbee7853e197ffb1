namespace DanVan.Analytics.Parsing.Tables;

/// <summary>
/// Words in <c>class</c> and <c>id</c> attributes that say what an element holds, as Readability and
/// boilerpipe use them, plus the Vietnamese CMS words (noidung, chitiet, tinlienquan, binhluan).
/// Matched as substrings of the lower-cased class and id, except <see cref="NegativeTokens"/>, which
/// must be whole tokens (split on space, '-' and '_') because they are short ("ads", "tag").
/// </summary>
internal static class ClassHints
{
    /// <summary>Hints of the article itself.</summary>
    public static readonly string[] Positive =
    [
        "article", "content", "detail", "body", "post", "entry", "main", "story", "text", "noidung",
        "chitiet", "fck", "baiviet", "news-content", "cms",
    ];

    /// <summary>Hints of boilerplate that wins over a positive hint ("article-related", "post-comment").</summary>
    public static readonly string[] StrongNegative =
    [
        "comment", "binhluan", "related", "relate", "lienquan", "share", "social", "sharing", "banner",
        "advert", "sponsor", "breadcrumb", "popup", "modal", "xemthem", "tinkhac", "tin-khac", "other-news",
        "othernews", "more-news", "morenews", "most-view", "mostview", "xemnhieu", "docnhieu", "newsletter",
        "subscribe", "toolbar", "poll", "rating", "vote", "print", "quangcao", "qc-", "cungchuyenmuc",
        "tinmoi", "box-tin", "keyword", "tag-list", "taglist", "list-tag", "tags", "hashtag", "login",
        "cookie", "author-box", "widget", "tool", "follow", "masthead", "gopy", "feedback", "phanhoi",
    ];

    /// <summary>Hints of reader comments: boilerplate however much text they hold (the others give way on a big container).</summary>
    public static readonly string[] Comment = ["comment", "binhluan", "disqus", "reply", "respond", "phanhoi", "gopy", "feedback", "y-kien", "ykien", "kommentare", "commentaires", "comentarios"];

    /// <summary>Hints of boilerplate that a positive hint overrides ("sidebar-1" holding "fck_detail").</summary>
    public static readonly string[] WeakNegative =
    [
        "sidebar", "footer", "header", "menu", "nav", "aside", "hidden", "meta", "sitemap", "copyright",
        "contact", "logo", "top-bar", "topbar", "bottom",
    ];

    /// <summary>Short negative words that must match a whole token.</summary>
    public static readonly string[] NegativeTokens = ["ads", "ad", "tag", "qc", "adv", "nav", "rss"];

    /// <summary>
    /// Prefixes of class tokens that label what an article is filed under ("tag-comments", "category-social"
    /// on a WordPress <c>&lt;article&gt;</c>), not what the element is; such tokens are not read as hints.
    /// </summary>
    public static readonly string[] TaxonomyPrefixes = ["tag-", "category-", "format-", "status-", "tax-", "topic-", "label-"];

    /// <summary>Hints of the lead paragraph (the sapo).</summary>
    public static readonly string[] Lead = ["sapo", "lead", "summary", "description", "chapeau", "excerpt", "tomtat", "trich-dan", "desc"];

    /// <summary>Hints of a byline.</summary>
    public static readonly string[] Byline = ["author", "byline", "tacgia", "tac-gia", "writer", "reporter", "nguoi-viet", "signature"];

    /// <summary>Hints of a date line.</summary>
    public static readonly string[] Date = ["date", "time", "publish", "ngay", "thoigian", "posted"];

    /// <summary>Hints of a photo caption.</summary>
    public static readonly string[] Caption = ["caption", "image_desc", "img-desc", "photo-desc", "chuthich", "chu-thich", "imagedesc", "desc-img", "expnoedit"];
}
