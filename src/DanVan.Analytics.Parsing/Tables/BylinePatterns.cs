namespace DanVan.Analytics.Parsing.Tables;

/// <summary>How bylines are written: "Bài và ảnh: Phương Thảo", "PV", "Nhóm PV", "By Jane Doe", "Von Max Muster".</summary>
internal static class BylinePatterns
{
    /// <summary>Folded prefixes that introduce the author names.</summary>
    public static readonly string[] Prefixes =
    [
        "bai va anh:", "bai, anh:", "bai - anh:", "bai anh:", "tin va anh:", "tin, anh:", "tin - anh:", "tin anh:",
        "bai:", "tin:", "tac gia:", "nhom tac gia:", "phong vien:", "by ",
    ];

    /// <summary>
    /// Lower-case words that introduce an author's name in many languages, longest first within a language so
    /// "written by" wins over "by". Matched at word boundaries; a colon after them is optional.
    /// </summary>
    public static readonly string[] Introducers =
    [
        "zeige alle beiträge von", "alle beiträge von", "view all posts by", "voir tous les articles de", "more by", "mehr von", "alles von",
        "geschrieben von", "erstellt von", "eingestellt von", "verfasst von", "veröffentlicht von", "text von", "ein beitrag von", "beitrag von",
        "eine kolumne von", "ein interview von", "written by", "posted by", "published by", "reported by", "story by", "words by",
        "publié par", "écrit par", "rédigé par", "publicado por", "escrito por", "scritto da", "geschreven door", "napisał", "autor:", "autorin:",
        "author:", "auteur:", "autore:", "redaktion:", "text:", "autor", "author", "auteur", "bởi", "tác giả:", "von", "by", "par", "por", "door",
    ];

    /// <summary>
    /// Words before a byline word that credit something other than the text: "powered by", "photo by", "Foto von",
    /// "photo de", "foto de".
    /// </summary>
    public static readonly HashSet<string> CreditsBeforeIntroducer = new(StringComparer.Ordinal)
    {
        "powered", "designed", "developed", "hosted", "theme", "template", "built", "made", "photo", "photos", "image", "images",
        "illustration", "illustrations", "video", "graphic", "graphics", "sponsored", "supported", "presented", "translated", "edited",
        "foto", "fotos", "bild", "bilder", "grafik", "illustrationen", "titelbild", "beitragsbild", "symbolbild", "präsentiert",
        "unterstützt", "gefördert", "photographie", "dessin", "imagen", "ilustración",
    };

    /// <summary>Lower-case words that may stand inside a name between capitalised words ("Walter von Aachen", "Jose de la Cruz").</summary>
    public static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "von", "van", "der", "den", "de", "la", "le", "da", "di", "du", "del", "della", "dos", "das", "ten", "ter", "zu", "bin", "al",
    };

    /// <summary>Lower-case words that join two names ("Max Muster und Erika Beispiel").</summary>
    public static readonly HashSet<string> NameJoiners = new(StringComparer.Ordinal)
    {
        "und", "and", "et", "y", "e", "i", "và", "&", "oraz", "en", "og", "och",
    };

    /// <summary>Folded account names a CMS shows when nobody signed the piece: not an author.</summary>
    public static readonly HashSet<string> PlaceholderAccounts = new(StringComparer.Ordinal)
    {
        "admin", "administrator", "wordpressadmin", "webmaster", "webadmin", "root", "guest", "user", "anonymous", "unknown", "editor",
        "quan tri", "quan tri vien", "ban bien tap",
    };

    /// <summary>Words that are author names by convention though not capitalised like names.</summary>
    public static readonly string[] KnownShortNames = ["PV", "CTV", "BTV", "Nhóm PV", "Nhóm phóng viên", "TTXVN", "Phóng viên"];

    /// <summary>
    /// Folded words that open an outlet's name in a "Theo …" credit line closing a Vietnamese article ("Theo Báo Nhân
    /// Dân", "Theo Cổng TTĐT tỉnh"); an outlet written as an acronym ("Theo TTXVN", "Theo VOV") needs none.
    /// </summary>
    public static readonly string[] OutletWords =
    [
        "bao", "tap chi", "dai", "cong thong tin", "cong ttdt", "trang", "thong tan xa", "kenh", "tuan bao", "nhat bao", "ban tin",
        "ban dan van", "ban tuyen giao", "mat tran", "tinh uy", "thanh uy", "huyen uy", "quan uy",
    ];

    /// <summary>Separators between several authors.</summary>
    public static readonly string[] Separators = [" - ", " – ", ", ", " và ", "; ", " & "];

    /// <summary>
    /// Folded words that a byline element shows beside the name and that are not part of it: links of the author
    /// box ("Alle Artikel", "Kontakt", "Zum Profil"), labels ("Symbolbild", "Illustration", "Quelle"), degrees and roles.
    /// Cut from the end of a name; a name that is only such words, or only a byline word ("By", "Von"), is no name.
    /// </summary>
    public static readonly string[] NameNoise =
    [
        "alle artikel", "alle beitrage", "all posts", "all articles", "zum profil", "profil", "kontakt", "contact", "tags",
        "next post", "previous post", "symbolbild", "illustration", "hosted", "quelle", "source", "foto", "photo", "fotos", "photos",
        "phd", "video recommandee", "te puede interesar", "shares", "share", "follow",
    ];

    /// <summary>Folded titles and roles written before a name ("Rechtsanwalt Sebastian Einbock"): not part of it.</summary>
    public static readonly string[] NameTitles =
    [
        "rechtsanwalt", "rechtsanwaltin", "bundesprasident", "bundesprasidentin", "euer", "eure", "your", "posted", "geschrieben",
    ];

    /// <summary>
    /// Folded words that mark an organisation, or the rest of a copyright notice, rather than a person: a footer's
    /// "© 2023 Beispiel Verlag GmbH" names no author.
    /// </summary>
    public static readonly HashSet<string> OrganisationWords = new(StringComparer.Ordinal)
    {
        "gmbh", "ag", "kg", "ev", "e.v", "e.v.", "inc", "inc.", "ltd", "ltd.", "llc", "sa", "sarl", "srl", "bv", "corp", "corporation", "company",
        "verlag", "media", "medien", "news", "group", "gruppe", "stiftung", "verein", "redaktion", "team", "blog", "online", "magazin",
        "magazine", "zeitung", "press", "presse", "foundation", "association", "university", "universitat", "institut", "institute",
        "rights", "reserved", "rechte", "vorbehalten", "all", "alle", "tous", "droits", "todos", "derechos", "cong", "ty", "bao", "tap", "chi",
        "deutsche", "deutsches", "deutscher", "welle", "national", "international", "europe", "europa",
    };

    /// <summary>Folded endings of organisation words ("Fachmedien", "Polizeipräsidium", "Landesverband").</summary>
    public static readonly string[] OrganisationEndings =
    [
        "medien", "media", "verlag", "verband", "verbande", "prasidium", "ministerium", "amt", "zeitung", "rundfunk", "fernsehen",
        "radio", "bank", "versicherung", "klinik", "klinikum", "schule", "hochschule", "universitat", "kirche", "partei", "agentur",
        "agency", "studio", "studios", "service", "services", "solutions", "systems", "technologies", "gesellschaft", "holding",
    ];
}
