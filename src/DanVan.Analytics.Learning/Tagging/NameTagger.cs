using DanVan.Analytics.Learning.Models;
using DanVan.Analytics.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace DanVan.Analytics.Learning.Tagging;

/// <summary>A name or title the tagger found.</summary>
/// <param name="Kind"><c>PER</c> or <c>TITLE</c>.</param>
/// <param name="Text">The words as written.</param>
/// <param name="Span">Where they stand in the text.</param>
/// <param name="SentenceIndex">The 0-based sentence (<see cref="SentenceSegmenter"/>).</param>
/// <param name="Confidence">The mean probability the classifier gave the entity's labels.</param>
public sealed record TaggedEntity(string Kind, string Text, TextSpan Span, int SentenceIndex, double Confidence);

/// <summary>
/// The syllable-level name tagger: an ML.NET multiclass linear model over each token's window features
/// (<c>vi-tagger-*</c>), decoded per sentence into valid IOB2 by a Viterbi pass. Trained by <see cref="NameTaggerTrainer"/>
/// on the token-level dataset of <c>danvan dataset</c>.
/// </summary>
/// <remarks>
/// The model's weights are read out of the ML.NET model once, so tagging is a sparse dot product per token: fast,
/// allocation-light and safe to share between threads.
/// </remarks>
public sealed class NameTagger
{
    private readonly float[] _weights; // [slot * labels + label]
    private readonly float[] _biases;
    private readonly TaggerLexicon _lexicon;

    /// <summary>Wraps a loaded tagger model.</summary>
    /// <exception cref="ModelFormatException">The model is not a tagger model or its learner is not linear.</exception>
    public NameTagger(LoadedModel model)
        : this(model, TaggerLexicon.Default)
    {
    }

    /// <summary>Wraps a tagger model whose lexicon features were read from <paramref name="lexicon"/> (withheld-table evaluation).</summary>
    internal NameTagger(LoadedModel model, TaggerLexicon lexicon)
    {
        _lexicon = lexicon;
        ArgumentNullException.ThrowIfNull(model);
        if (model.Metadata.Kind != ModelKinds.Tagger)
        {
            throw new ModelFormatException($"This is a {model.Metadata.Kind} model; a tagger model is needed.");
        }

        Model = model;
        ITransformer last = model.Transformer is TransformerChain<ITransformer> chain ? chain.LastTransformer : model.Transformer;
        if (last is not ISingleFeaturePredictionTransformer<object> { Model: LinearMulticlassModelParametersBase linear })
        {
            throw new ModelFormatException("The tagger model's learner is not a linear multiclass model.");
        }

        VBuffer<float>[] weights = [];
        linear.GetWeights(ref weights, out int classes);
        int labels = TaggerLabels.All.Count;
        if (classes != labels)
        {
            throw new ModelFormatException($"The tagger model has {classes} labels; {labels} are expected.");
        }

        _weights = new float[TokenFeatures.Dimension * labels];
        for (int label = 0; label < labels; label++)
        {
            foreach (var (slot, value) in weights[label].Items())
            {
                _weights[(slot * labels) + label] = value;
            }
        }

        _biases = [.. linear.GetBiases()];
    }

    /// <summary>The tables the lexicon features are read from.</summary>
    internal TaggerLexicon Lexicon => _lexicon;

    /// <summary>The model (metadata and ML.NET transformer).</summary>
    public LoadedModel Model { get; }

    /// <summary>The model's metadata.</summary>
    public ModelMetadata Metadata => Model.Metadata;

    /// <summary>Loads a tagger model file.</summary>
    /// <exception cref="ModelFormatException">The file is damaged or not a tagger model.</exception>
    /// <exception cref="FeatureVersionMismatchException">The model was trained on another feature version.</exception>
    public static NameTagger Load(string path) => new(ModelFile.Load(path, ModelKinds.Tagger));

    /// <summary>The names and titles in <paramref name="text"/>, in text order.</summary>
    public IReadOnlyList<TaggedEntity> Tag(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entities = new List<TaggedEntity>();
        var tokens = new List<Token>();
        var words = new List<string>();
        int sentenceIndex = 0;
        foreach (TextSpan sentence in SentenceSegmenter.Split(text))
        {
            tokens.Clear();
            words.Clear();

            // The same tokens as the dataset's (IobTagger): the sentence read up to its end, from its start.
            foreach (Token token in SyllableTokenizer.Tokenize(text.AsSpan(0, sentence.End), sentence.Start))
            {
                tokens.Add(token);
                words.Add(text.Substring(token.Start, token.Length));
            }

            if (words.Count > 0)
            {
                float[][] scores = Score(words);
                int[] labels = SequenceDecoder.Decode(scores);
                foreach (TokenEntity e in SequenceDecoder.Entities(labels))
                {
                    int start = tokens[e.Start].Start, end = tokens[e.End - 1].End;
                    double confidence = 0;
                    for (int i = e.Start; i < e.End; i++)
                    {
                        confidence += MathF.Exp(scores[i][labels[i]]);
                    }

                    entities.Add(new TaggedEntity(
                        TaggerLabels.Kinds[e.Kind], text[start..end], new TextSpan(start, end - start), sentenceIndex, confidence / (e.End - e.Start)));
                }
            }

            sentenceIndex++;
        }

        return entities;
    }

    /// <summary>The best valid labels of a sentence's tokens.</summary>
    internal int[] TagTokens(IReadOnlyList<string> tokens) => tokens.Count == 0 ? [] : SequenceDecoder.Decode(Score(tokens));

    // Log-probabilities per token and label (softmax of the linear scores).
    private float[][] Score(IReadOnlyList<string> tokens)
    {
        VBuffer<float>[] features = TokenFeatures.Featurize(tokens, _lexicon);
        int labels = _biases.Length;
        var scores = new float[features.Length][];
        for (int i = 0; i < features.Length; i++)
        {
            float[] s = [.. _biases];
            ReadOnlySpan<int> indices = features[i].GetIndices();
            ReadOnlySpan<float> values = features[i].GetValues();
            for (int k = 0; k < indices.Length; k++)
            {
                int offset = indices[k] * labels;
                for (int label = 0; label < labels; label++)
                {
                    s[label] += _weights[offset + label] * values[k];
                }
            }

            float max = s.Max();
            float sum = 0;
            for (int label = 0; label < labels; label++)
            {
                sum += MathF.Exp(s[label] - max);
            }

            float log = max + MathF.Log(sum);
            for (int label = 0; label < labels; label++)
            {
                s[label] -= log;
            }

            scores[i] = s;
        }

        return scores;
    }
}
