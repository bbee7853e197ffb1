using System.CommandLine;
using DanVan.Analytics.Articles;
using System.Globalization;
using DanVan.Analytics.Learning.Topics;
using DanVan.Cli.CommandLine;

namespace DanVan.Cli.Commands;

/// <summary>
/// <c>danvan topics --in ARTICLES.jsonl --topics K --out DIR</c>: topics over time (LDA over our tokens), written as
/// <c>topics.json</c>, <c>doc_topics.jsonl</c>, <c>trends.csv</c> and a chart.
/// </summary>
internal static class TopicsCommand
{
    public static Command Create()
    {
        var inOption = new Option<FileInfo>("--in") { Description = "Article records or plain {\"id\", \"text\", \"date\"} cases, one JSON object a line.", Required = true };
        var topicsOption = new Option<int>("--topics") { Description = "The number of topics.", DefaultValueFactory = _ => 10 };
        var outOption = new Option<DirectoryInfo>("--out") { Description = "The output directory.", Required = true };
        var threadsOption = new Option<int>("--threads") { Description = "Sampler threads (1 gives reproducible topics).", DefaultValueFactory = _ => Math.Min(2, Environment.ProcessorCount) };
        var seedOption = new Option<int>("--seed") { Description = "The sampler's seed.", DefaultValueFactory = _ => 1 };
        var iterationsOption = new Option<int>("--iterations") { Description = "Sampling iterations.", DefaultValueFactory = _ => new TopicModelOptions().Iterations };
        var maxTermsOption = new Option<int>("--max-terms") { Description = "Terms read from the start of each article (0: all).", DefaultValueFactory = _ => new TopicModelOptions().MaximumTermsPerDocument };
        var strictOption = CliOptions.Strict();
        var command = new Command("topics", "Find the topics of a collection and follow their share per month.");
        command.Options.Add(inOption);
        command.Options.Add(topicsOption);
        command.Options.Add(outOption);
        command.Options.Add(threadsOption);
        command.Options.Add(seedOption);
        command.Options.Add(iterationsOption);
        command.Options.Add(maxTermsOption);
        command.Options.Add(strictOption);
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(
            parseResult.GetValue(inOption)!,
            parseResult.GetValue(outOption)!,
            new TopicModelOptions
            {
                Topics = parseResult.GetValue(topicsOption),
                NumberOfThreads = parseResult.GetValue(threadsOption),
                Seed = parseResult.GetValue(seedOption),
                Iterations = parseResult.GetValue(iterationsOption),
                MaximumTermsPerDocument = parseResult.GetValue(maxTermsOption),
            },
            parseResult.GetValue(strictOption),
            cancellationToken)));
        return command;
    }

    private static int Run(FileInfo input, DirectoryInfo output, TopicModelOptions options, bool strict, CancellationToken cancellationToken)
    {
        if (!OutputGuard.InputExists(input))
        {
            return ExitCodes.Usage;
        }

        if (options.Topics < 2 || options.NumberOfThreads < 1 || options.Iterations < 1 || options.MaximumTermsPerDocument < 0)
        {
            Console.Error.WriteLine("error: --topics must be at least 2, --threads and --iterations at least 1, --max-terms at least 0.");
            return ExitCodes.Usage;
        }

        try
        {
            var problems = new InputProblems(strict);
            var articles = ArticleInputReader.Read(CliOptions.PathOf(input), problems, cancellationToken).Select(a => new DatedText(a.Id, a.Text, a.Date));
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            TopicModelResult result = TopicModeler.Fit(articles, options, cancellationToken);
            TopicOutputWriter.Write(result, output.FullName);

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Documents.Count} articles, {result.VocabularySize} terms, {options.Topics} topics, {result.Trends.Count} months; {stopwatch.Elapsed.TotalSeconds:0.0} s; written to {output.FullName}"));
            foreach (TopicSummary topic in result.Topics)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{topic.Id,2} {topic.Weight:0.000}  {string.Join(", ", topic.TopWords.Take(10))}"));
            }

            return problems.ExitCode;
        }
        catch (BadLineException)
        {
            return ExitCodes.Failure;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
