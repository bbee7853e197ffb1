using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ScottPlot;

namespace DanVan.Analytics.Learning.Topics;

/// <summary>
/// Writes a <see cref="TopicModelResult"/> to a directory: <c>topics.json</c>, <c>doc_topics.jsonl</c>, <c>trends.csv</c>
/// and the trend chart (<c>trends.png</c> and <c>trends.svg</c>).
/// </summary>
public static class TopicOutputWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions IndentedJson = new(Json) { WriteIndented = true };

    /// <summary>Writes every output file into <paramref name="directory"/> (created when absent).</summary>
    public static void Write(TopicModelResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        File.WriteAllText(
            Path.Combine(directory, "topics.json"),
            JsonSerializer.Serialize(new { topics = result.Topics }, IndentedJson));

        using (var writer = new StreamWriter(Path.Combine(directory, "doc_topics.jsonl"), false, new UTF8Encoding(false)))
        {
            foreach (DocumentTopics d in result.Documents)
            {
                writer.WriteLine(JsonSerializer.Serialize(
                    new { id = d.Id, date = d.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), topics = d.Mixture }, Json));
            }
        }

        var csv = new StringBuilder("month,documents");
        foreach (TopicSummary t in result.Topics)
        {
            csv.Append(CultureInfo.InvariantCulture, $",topic_{t.Id}");
        }

        csv.Append('\n');
        foreach (TopicTrend trend in result.Trends)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{trend.Month},{trend.Documents}");
            foreach (double share in trend.Shares)
            {
                csv.Append(CultureInfo.InvariantCulture, $",{share:0.######}");
            }

            csv.Append('\n');
        }

        File.WriteAllText(Path.Combine(directory, "trends.csv"), csv.ToString());
        WriteChart(result, Path.Combine(directory, "trends"));
    }

    /// <summary>The topic shares per month as lines, each named by its first words; saved as PNG and SVG.</summary>
    private static void WriteChart(TopicModelResult result, string pathWithoutExtension)
    {
        using var plot = new Plot();
        plot.Font.Automatic();
        DateTime[] months = result.Trends
            .Select(t => DateTime.ParseExact(t.Month, "yyyy-MM", CultureInfo.InvariantCulture))
            .ToArray();
        foreach (TopicSummary topic in result.Topics)
        {
            double[] shares = result.Trends.Select(t => t.Shares[topic.Id]).ToArray();
            var line = months.Length == 1
                ? plot.Add.Scatter(months.Select(m => m.ToOADate()).ToArray(), shares)
                : plot.Add.Scatter(months, shares);
            line.LegendText = $"{topic.Id}: {string.Join(", ", topic.TopWords.Take(3))}";
            line.LineWidth = 2;
            line.MarkerSize = months.Length > 24 ? 0 : 5;
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Title("Topic share of the articles per month");
        plot.YLabel("mean share of the month's articles");
        plot.ShowLegend(Edge.Right);
        plot.SavePng(pathWithoutExtension + ".png", 1400, 700);
        plot.SaveSvg(pathWithoutExtension + ".svg", 1400, 700);
    }
}
