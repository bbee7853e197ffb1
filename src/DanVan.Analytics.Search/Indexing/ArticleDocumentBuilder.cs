using System.Globalization;
using DanVan.Analytics.Classification;
using DanVan.Analytics.Search.Analysis;
using DanVan.Analytics.Search.Schema;
using DanVan.Analytics.Text;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace DanVan.Analytics.Search.Indexing;

/// <summary>
/// Turns an <see cref="ArticleDocument"/> into Lucene fields, reusing the same <see cref="Field"/> instances
/// from one article to the next. Not thread-safe: one builder serves one indexing call at a time.
/// </summary>
/// <remarks>
/// Lucene.Net gives every keyword or numeric field instance its own token stream, an attribute source built
/// by reflection, on first use; a new field per article paid that for each of about ten such fields, which
/// cost more than a tenth of the indexing time. A reused field keeps its token stream.
/// </remarks>
internal sealed class ArticleDocumentBuilder : IDisposable
{
    private readonly StringField _key = new(ArticleFields.Key, "", Field.Store.YES);
    private readonly StoredField _id = new(ArticleFields.Id, "");
    private readonly StoredField _url = new(ArticleFields.Url, "");
    private readonly StoredField _canonicalUrl = new(ArticleFields.CanonicalUrl, "");
    private readonly StringField _site = new(ArticleFields.Site, "", Field.Store.NO);
    private readonly SortedDocValuesField _siteValue = new(ArticleFields.Site, new BytesRef());
    private readonly StoredField _siteName = new(ArticleFields.SiteName, "");
    private readonly SortedDocValuesField _siteNameValue = new(ArticleFields.SiteName, new BytesRef());
    private readonly StoredField _storedTitle = new(ArticleFields.Title, "");
    private readonly StoredField _storedBody = new(ArticleFields.Body, "");
    private readonly StoredField _bodyStart = new(ArticleFields.BodyStart, 0);
    private readonly AnalyzedText _analyzedTitle = new();
    private readonly AnalyzedText _analyzedContent = new();
    private readonly AnalyzedTokenStream _titleTerms = new(DiacriticForms.Folded);
    private readonly AnalyzedTokenStream _titleInBodyTerms = new(DiacriticForms.Folded);
    private readonly AnalyzedTokenStream _bodyTerms = new(DiacriticForms.Folded);
    private readonly TextField _title;
    private readonly TextField _titleInBody;
    private readonly TextField _body;
    private readonly StoredField _lead = new(ArticleFields.Lead, "");
    private readonly StoredField _published = new(ArticleFields.Published, "");
    private readonly NumericDocValuesField _publishedTicks = new(ArticleFields.PublishedTicks, 0L);
    private readonly Int32Field _day = new(ArticleFields.Day, 0, Field.Store.NO);
    private readonly NumericDocValuesField _dayValue = new(ArticleFields.Day, 0L);
    private readonly FieldSet<StoredField> _authors = new(() => new StoredField(ArticleFields.Author, ""));
    private readonly FieldSet<StringField> _codes = new(() => new StringField(ArticleFields.DocumentCode, "", Field.Store.YES));
    private readonly FieldSet<StringField> _foldedCodes = new(() => new StringField(ArticleFields.DocumentCodeFolded, "", Field.Store.NO));
    private readonly FieldSet<SortedSetDocValuesField> _codeValues = new(() => new SortedSetDocValuesField(ArticleFields.DocumentCode, new BytesRef()));
    private readonly FieldSet<StringField> _officials = new(() => new StringField(ArticleFields.Official, "", Field.Store.NO));
    private readonly FieldSet<StringField> _foldedOfficials = new(() => new StringField(ArticleFields.OfficialFolded, "", Field.Store.NO));
    private readonly FieldSet<StoredField> _officialNames = new(() => new StoredField(ArticleFields.OfficialName, ""));
    private readonly FieldSet<SortedSetDocValuesField> _officialValues = new(() => new SortedSetDocValuesField(ArticleFields.OfficialName, new BytesRef()));
    private readonly BinaryDocValuesField _accents = new(ArticleFields.Accents, new BytesRef());
    private readonly AccentSignature _signature = new();
    private readonly FieldSet<StoredField> _modelCounts = new(() => new StoredField(ArticleFields.ModelCount, 0));
    private readonly StringField _relevant = new(ArticleFields.Relevant, "", Field.Store.YES);
    private readonly StoredField _relevanceScore = new(ArticleFields.RelevanceScore, 0d);
    private readonly StringField _topic = new(ArticleFields.Topic, "", Field.Store.YES);
    private readonly SortedDocValuesField _topicValue = new(ArticleFields.Topic, new BytesRef());
    private readonly StoredField _topicScore = new(ArticleFields.TopicScore, 0d);

    // Sites, codes and officials repeat from article to article; their keys are computed once per builder.
    private readonly KeyCache<(string Key, string Name)> _siteKeys = new(site => (SearchKeys.Site(site), SearchKeys.SiteDisplay(site)));
    private readonly KeyCache<(string Code, string Folded)> _codeKeys = new(code =>
    {
        string canonical = SearchKeys.DocumentCode(code);
        return (canonical, SearchKeys.DocumentCodeFolded(canonical));
    });

    private readonly KeyCache<(string Name, string Key, string Folded)> _officialKeys = new(official =>
    {
        string name = SearchKeys.OfficialDisplay(official);
        return (name, SearchKeys.Official(name), SearchKeys.OfficialFolded(name));
    });

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public ArticleDocumentBuilder()
    {
        _title = new TextField(ArticleFields.Title, _titleTerms);
        _titleInBody = new TextField(ArticleFields.Body, _titleInBodyTerms);
        _body = new TextField(ArticleFields.Body, _bodyTerms);
    }

    /// <summary>
    /// Returns the Lucene document of <paramref name="article"/>; its fields stay valid until the next call,
    /// so index it before building another.
    /// </summary>
    public Document Build(ArticleDocument article)
    {
        var doc = new Document
        {
            Set(_key, article.Key),
            Set(_id, article.Id),
            Set(_url, article.Url),
        };
        if (!string.IsNullOrWhiteSpace(article.CanonicalUrl))
        {
            doc.Add(Set(_canonicalUrl, article.CanonicalUrl));
        }

        // A URL is new with every article: only a given site name is worth remembering.
        // The key finds and counts the site; the name, in the case the article gave it, is what hits and facets show.
        (string site, string siteName) = string.IsNullOrWhiteSpace(article.Site)
            ? (SearchKeys.Site(article.Url), SearchKeys.Site(article.Url))
            : _siteKeys[article.Site];
        if (site.Length > 0)
        {
            doc.Add(Set(_site, site));
            doc.Add(SetBytes(_siteValue, site));
            doc.Add(Set(_siteName, siteName));
            doc.Add(SetBytes(_siteNameValue, siteName));
        }

        // The text fields hold the folded form of each word, the accent signature the accented forms; title and
        // content are analysed once here for both. The body fields index the title too, as a separate value so
        // that no phrase spans the two: a query term then needs one required clause on the body, and the
        // title only adds to the score.
        string content = ArticleDocumentMapper.Content(article);
        _analyzedTitle.Analyze(article.Title.AsMemory(), VietnameseNormalizer.Default, fold: true, lower: false);
        _analyzedContent.Analyze(content.AsMemory(), VietnameseNormalizer.Default, fold: true, lower: false);
        _titleTerms.SetText(_analyzedTitle);
        _titleInBodyTerms.SetText(_analyzedTitle);
        _bodyTerms.SetText(_analyzedContent);
        doc.Add(Set(_storedTitle, article.Title));
        doc.Add(_title);
        doc.Add(Set(_storedBody, content));
        // The stored text is the lead, then the body (or the body alone when it repeats the lead): where the body
        // starts gives both back to a reader. Stored even when 0, so that a body beginning with its lead stays whole.
        _bodyStart.SetInt32Value(content.Length - article.Body.Length);
        doc.Add(_bodyStart);

        doc.Add(_titleInBody);
        doc.Add(_body);
        _accents.SetBytesValue(_signature.Build(_analyzedTitle, _analyzedContent));
        doc.Add(_accents);
        if (article.Lead.Length > 0)
        {
            doc.Add(Set(_lead, article.Lead));
        }

        if (article.Published is { } published)
        {
            doc.Add(Set(_published, published.ToString("O", CultureInfo.InvariantCulture)));
            _publishedTicks.SetInt64Value(published.UtcTicks);
            doc.Add(_publishedTicks);
            int day = SearchKeys.Day(published);
            _day.SetInt32Value(day);
            doc.Add(_day);
            _dayValue.SetInt64Value(day);
            doc.Add(_dayValue);
        }
        else
        {
            // Articles without a date sort last when sorting by date.
            _publishedTicks.SetInt64Value(long.MinValue);
            doc.Add(_publishedTicks);
        }

        int n = 0;
        foreach (string author in article.Authors)
        {
            doc.Add(Set(_authors[n++], author));
        }

        n = 0;
        _seen.Clear();
        foreach (string value in article.DocumentCodes)
        {
            (string code, string folded) = _codeKeys[value];
            if (code.Length > 0 && _seen.Add(code))
            {
                doc.Add(Set(_codes[n], code));
                doc.Add(Set(_foldedCodes[n], folded));
                doc.Add(SetBytes(_codeValues[n], code));
                n++;
            }
        }

        n = 0;
        _seen.Clear();
        foreach (string value in article.Officials)
        {
            (string name, string key, string folded) = _officialKeys[value];
            if (name.Length > 0 && _seen.Add(name))
            {
                doc.Add(Set(_officials[n], key));
                doc.Add(Set(_foldedOfficials[n], folded));
                doc.Add(Set(_officialNames[n], name));
                doc.Add(SetBytes(_officialValues[n], name));
                n++;
            }
        }

        n = 0;
        foreach (int count in article.ModelCounts)
        {
            StoredField field = _modelCounts[n++];
            field.SetInt32Value(count);
            doc.Add(field);
        }

        AddClassification(doc, article.Classification);
        return doc;
    }

    /// <summary>Releases the token streams.</summary>
    public void Dispose()
    {
        _titleTerms.Dispose();
        _titleInBodyTerms.Dispose();
        _bodyTerms.Dispose();
    }

    /// <summary>
    /// Relevant yes/no with its score; the topic only for a relevant article, since a topic model knows the areas of
    /// dân vận work and nothing else: the topic it gives an unrelated article is noise, not an area to filter or count.
    /// </summary>
    private void AddClassification(Document doc, ArticleClassification? classification)
    {
        if (classification is null)
        {
            return;
        }

        doc.Add(Set(_relevant, SearchKeys.Relevant(classification.Relevant)));
        _relevanceScore.SetDoubleValue(classification.Score);
        doc.Add(_relevanceScore);
        string topic = classification.Relevant && classification.Topic is { } name ? SearchKeys.Topic(name) : "";
        if (topic.Length > 0)
        {
            doc.Add(Set(_topic, topic));
            doc.Add(SetBytes(_topicValue, topic));
            _topicScore.SetDoubleValue(classification.TopicScore ?? 0);
            doc.Add(_topicScore);
        }
    }

    private static Field Set(Field field, string value)
    {
        field.SetStringValue(value);
        return field;
    }

    private static Field SetBytes(Field field, string value)
    {
        field.SetBytesValue(new BytesRef(value));
        return field;
    }

    /// <summary>Keys computed from values that repeat, remembered up to a bound (then forgotten all at once).</summary>
    private sealed class KeyCache<T>(Func<string, T> compute)
    {
        private const int Capacity = 4096;
        private readonly Dictionary<string, T> _keys = new(StringComparer.Ordinal);

        public T this[string value]
        {
            get
            {
                if (!_keys.TryGetValue(value, out T? key))
                {
                    if (_keys.Count >= Capacity)
                    {
                        _keys.Clear();
                    }

                    key = compute(value);
                    _keys[value] = key;
                }

                return key;
            }
        }
    }

    /// <summary>The instances of a field that an article may hold several values of, grown on demand.</summary>
    private sealed class FieldSet<T>(Func<T> create)
        where T : Field
    {
        private readonly List<T> _fields = [];

        public T this[int index]
        {
            get
            {
                while (_fields.Count <= index)
                {
                    _fields.Add(create());
                }

                return _fields[index];
            }
        }
    }
}
