using System.CommandLine;
using DanVan.Analytics.Classification;
using DanVan.Analytics.Learning.Classification;

namespace DanVan.Cli.Commands;

/// <summary>
/// The options that put a learned classifier into <c>danvan index</c> (<c>--classify</c>, <c>--model</c>,
/// <c>--topic-model</c>) and the one that loads a relevance model for <c>danvan crawl --keep-relevant</c>: the CLI
/// composes ML.NET models into the core <see cref="IArticleClassifier"/> seam, so Search and Crawling stay free of ML.NET.
/// </summary>
internal static class ClassifierOptions
{
    /// <summary>The index options, added to <paramref name="command"/>; read them back with <see cref="IndexClassifier"/>.</summary>
    public static (Option<bool> Classify, Option<FileInfo?> Model, Option<FileInfo?> TopicModel) AddIndexOptions(Command command)
    {
        var classify = new Option<bool>("--classify") { Description = "Classify each article with the shipped models (relevance and topic), for relevant:yes|no, topic: and the topic facet." };
        var model = new Option<FileInfo?>("--model") { Description = "Classify with this relevance model (implies --classify; the topic model defaults to the shipped one)." };
        var topicModel = new Option<FileInfo?>("--topic-model") { Description = "Classify with this topic model (implies --classify)." };
        command.Options.Add(classify);
        command.Options.Add(model);
        command.Options.Add(topicModel);
        return (classify, model, topicModel);
    }

    /// <summary>The classifier the index options ask for, or null when they ask for none.</summary>
    /// <exception cref="Analytics.Learning.ModelFormatException">A model file is damaged, of the wrong kind or stale.</exception>
    public static IArticleClassifier? IndexClassifier(bool classify, FileInfo? model, FileInfo? topicModel)
    {
        if (!classify && model is null && topicModel is null)
        {
            return null;
        }

        return new ArticleClassifier(LoadRelevance(model), LoadTopic(topicModel));
    }

    /// <summary>The <c>--keep-relevant [relevance.zip]</c> option of <c>danvan crawl</c> (the shipped model when no file is given).</summary>
    public static Option<FileInfo?> KeepRelevantOption() => new("--keep-relevant")
    {
        Description = "Write only the articles this relevance model finds about dân vận work to --out (the shipped model when no file is given); the WARC keeps every page.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>The relevance-only classifier of <c>--keep-relevant</c>, or null when the option is absent.</summary>
    /// <exception cref="Analytics.Learning.ModelFormatException">The model file is damaged, of the wrong kind or stale.</exception>
    public static IArticleClassifier? KeepRelevant(ParseResult parseResult, Option<FileInfo?> option)
    {
        if (parseResult.GetResult(option) is null)
        {
            return null;
        }

        FileInfo? model = parseResult.GetValue(option);
        return new ArticleClassifier(LoadRelevance(model));
    }

    /// <summary>The relevance model in <paramref name="model"/>, or the shipped one when it is null.</summary>
    /// <exception cref="Analytics.Learning.ModelFormatException">The model file is damaged, of the wrong kind or stale.</exception>
    public static RelevanceClassifier LoadRelevance(FileInfo? model) =>
        model is null ? RelevanceClassifier.LoadDefault() : RelevanceClassifier.Load(model.FullName);

    /// <summary>The topic model in <paramref name="model"/>, or the shipped one when it is null.</summary>
    /// <exception cref="Analytics.Learning.ModelFormatException">The model file is damaged, of the wrong kind or stale.</exception>
    public static TopicClassifier LoadTopic(FileInfo? model) =>
        model is null ? TopicClassifier.LoadDefault() : TopicClassifier.Load(model.FullName);
}
