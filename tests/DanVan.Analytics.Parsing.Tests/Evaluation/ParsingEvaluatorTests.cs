using DanVan.Analytics.Parsing.Evaluation;
using Xunit.Abstractions;

namespace DanVan.Analytics.Parsing.Tests.Evaluation;

public sealed class ParsingEvaluatorTests(ITestOutputHelper output)
{
    [Fact]
    public void Evaluate_SharedEvalSet_StaysAboveTheFloors()
    {
        // 949 real pages from many sites and languages, parsed once. The floors sit a little below what the
        // parser reached (body P 0.933 R 0.929 F1 0.931; title 0.859, date 0.876, author 0.755) so a
        // regression in the generic detector or the metadata reader fails here.
        List<ParsingEvalCase> cases = [.. ParsingEvalCase.ReadManifest(ParsingPaths.EvalManifest)];
        Assert.True(cases.Count >= 900, $"{cases.Count} pages in the manifest");

        ParsingEvalReport report = ParsingEvaluator.Evaluate(cases, maxDegreeOfParallelism: 2);

        output.WriteLine($"P {report.Precision:0.000} R {report.Recall:0.000} F1 {report.F1:0.000}; title {report.TitleExact:0.000}, date {report.DateExact:0.000}, author {report.AuthorExact:0.000}; {report.Failed} failed");
        Assert.Equal(0, report.Failed);
        Assert.InRange(report.Precision, 0.925, 1.0);
        Assert.InRange(report.Recall, 0.921, 1.0);
        Assert.InRange(report.F1, 0.923, 1.0);
        Assert.InRange(report.TitleExact, 0.850, 1.0);
        Assert.InRange(report.DateExact, 0.868, 1.0);
        Assert.InRange(report.AuthorExact, 0.743, 1.0);
    }

    [Fact]
    public void Score_PassagesInAndOutOfTheBody_CountAsTheCorpusSays()
    {
        string dir = Directory.CreateTempSubdirectory("danvan-eval").FullName;
        try
        {
            string page = Path.Combine(dir, "page.html");
            File.WriteAllText(page, """
                <html><head><title>Rain in the north | Daily Example</title></head><body>
                <nav><a href="/">Home</a> <a href="/news">News</a></nav>
                <article><h1>Rain in the north</h1>
                <p>Heavy   rain fell across the northern provinces on Tuesday, flooding several roads and closing two schools for the day.</p>
                <p>Officials said the water would recede by the weekend, and that no one had been hurt in the floods so far.</p>
                </article>
                <footer><p>Copyright Daily Example, all rights reserved.</p></footer></body></html>
                """);
            var entry = new ParsingEvalCase("p1", null, page,
                ["Heavy rain fell across the northern provinces", "no one had been hurt", "a sentence the page does not have"],
                ["Copyright Daily Example", "a boilerplate line the page does not have"],
                "Rain in the north", "", null);

            ParsingEvalPage scored = ParsingEvaluator.Score(entry, new ArticleParser());

            Assert.Equal(2, scored.TruePositives);
            Assert.Equal(["a sentence the page does not have"], scored.Missed);
            Assert.Empty(scored.Leaked);
            Assert.Equal(2, scored.TrueNegatives);
            Assert.True(scored.TitleCorrect);
            Assert.False(scored.AuthorCorrect);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
