using System.CommandLine;
using DanVan.Analytics.Articles;
using System.Text.Encodings.Web;
using System.Text.Json;
using DanVan.Analytics.Learning;
using DanVan.Analytics.Learning.Classification;
using DanVan.Cli.CommandLine;

namespace DanVan.Cli.Commands;

/// <summary>
/// <c>danvan classify [--model relevance.zip] [--topic-model topic.zip] --in FILE.jsonl --out PRED.jsonl</c>: relevance and
/// topic per article, <c>{"id", "label", "score", "topic", "topic_score"}</c>. Without a model the package's default is used.
/// </summary>
internal static class ClassifyCommand
{
    public static Command Create()
    {
        var modelOption = new Option<FileInfo?>("--model") { Description = "The relevance model (default: the one shipped, trained on the public corpus)." };
        var topicOption = new Option<FileInfo?>("--topic-model") { Description = "The topic model (default: the one shipped)." };
        var noTopicOption = new Option<bool>("--no-topic") { Description = "Predict relevance only." };
        var inOption = new Option<FileInfo>("--in") { Description = "Article records or plain {\"id\", \"text\"} cases, one JSON object a line.", Required = true };
        var outOption = new Option<FileInfo?>("--out") { Description = "Output JSON lines (default: standard output)." };
        var strictOption = CliOptions.Strict();
        var command = new Command("classify", "Classify articles: about dân vận work or not, and which area of the work.");
        command.Options.Add(modelOption);
        command.Options.Add(topicOption);
        command.Options.Add(noTopicOption);
        command.Options.Add(inOption);
        command.Options.Add(outOption);
        command.Options.Add(strictOption);
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(
            parseResult.GetValue(modelOption), parseResult.GetValue(topicOption), parseResult.GetValue(noTopicOption),
            parseResult.GetValue(inOption)!, parseResult.GetValue(outOption), parseResult.GetValue(strictOption), cancellationToken)));
        return command;
    }

    private static int Run(FileInfo? model, FileInfo? topicModel, bool noTopic, FileInfo input, FileInfo? output, bool strict, CancellationToken cancellationToken)
    {
        if (!OutputGuard.InputExists(input) || !OutputGuard.Allows(output, input))
        {
            return ExitCodes.Usage;
        }

        try
        {
            var classifier = new ArticleClassifier(ClassifierOptions.LoadRelevance(model), noTopic ? null : ClassifierOptions.LoadTopic(topicModel));
            var problems = new InputProblems(strict);
            IEnumerable<ClassificationInput> inputs = ArticleInputReader.Read(CliOptions.PathOf(input), problems, cancellationToken).Select(a => new ClassificationInput(a.Id, a.Text));

            using Stream stream = JsonLines.OpenWrite(output is null ? JsonLines.StandardStream : CliOptions.PathOf(output));
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            int count = 0;
            foreach (ArticlePrediction p in classifier.ClassifyMany(inputs, cancellationToken))
            {
                writer.WriteStartObject();
                writer.WriteString("id", p.Id);
                writer.WriteString("label", p.Label);
                writer.WriteNumber("score", Math.Round(p.Score, 6));
                if (p.Topic is null)
                {
                    writer.WriteNull("topic");
                    writer.WriteNull("topic_score");
                }
                else
                {
                    writer.WriteString("topic", p.Topic);
                    writer.WriteNumber("topic_score", Math.Round(p.TopicScore ?? 0, 6));
                }

                writer.WriteEndObject();
                writer.Flush();
                stream.WriteByte((byte)'\n');
                writer.Reset();
                count++;
            }


            Console.Error.WriteLine($"{count} articles classified, {problems.Skipped} lines skipped.");
            return problems.ExitCode;
        }
        catch (BadLineException)
        {
            return ExitCodes.Failure;
        }
        catch (ModelFormatException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
