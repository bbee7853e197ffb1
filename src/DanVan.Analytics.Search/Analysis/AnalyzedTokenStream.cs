using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace DanVan.Analytics.Search.Analysis;

/// <summary>
/// A pre-analysed field value for Lucene: the terms of an <see cref="AnalyzedText"/> that its owner analysed
/// once and also reads for other purposes (the article index's accent signature, the title indexed in two
/// fields). Reusable: point it at the next value with <see cref="SetText"/>; disposing it keeps it usable.
/// </summary>
internal sealed class AnalyzedTokenStream : TokenStream
{
    private readonly AnalyzedTermEmitter _emitter;
    private readonly IOffsetAttribute _offset;
    private AnalyzedText? _text;

    /// <summary>Creates a stream of the given forms.</summary>
    public AnalyzedTokenStream(DiacriticForms forms)
    {
        // Lucene's indexing chain reads the attributes but adds none, so the emitter sets them all itself.
        _emitter = new AnalyzedTermEmitter(this, forms, ownsAllAttributes: true);
        _offset = AddAttribute<IOffsetAttribute>();
    }

    /// <summary>The value whose terms the stream emits next.</summary>
    public void SetText(AnalyzedText text) => _text = text;

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        _emitter.Start(_text ?? throw new InvalidOperationException("SetText must be called before the stream is consumed."));
    }

    /// <inheritdoc/>
    public override bool IncrementToken() => _emitter.Next(null);

    /// <inheritdoc/>
    public override void End()
    {
        base.End();
        int length = _text?.OriginalLength ?? 0;
        _offset.SetOffset(length, length);
    }
}
