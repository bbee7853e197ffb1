using System.Text;
using System.Text.RegularExpressions;

namespace DanVan.Packaging.Tests.Fixtures;

/// <summary>One <c>```csharp</c> block of a README.</summary>
/// <param name="Readme">The README, relative to the repository root.</param>
/// <param name="Line">The line of the opening fence.</param>
/// <param name="Code">The block's code.</param>
internal sealed partial record ReadmeSample(string Readme, int Line, string Code)
{
    /// <summary>A C# identifier for the sample.</summary>
    public string TypeName => "Sample_" + Regex.Replace(Path.ChangeExtension(Readme, null), "[^A-Za-z0-9]", "_") + "_" + Line;

    /// <summary>
    /// The sample as a compilable file: its <c>using</c> directives on top, its statements in a static method
    /// <c>RunAsync</c> (so that samples stay apart from each other and may <c>await</c>).
    /// </summary>
    public string ToCompilationUnit()
    {
        var usings = new StringBuilder();
        var body = new StringBuilder();
        foreach (string line in Code.Split('\n'))
        {
            if (UsingDirective().IsMatch(line))
            {
                usings.AppendLine(line.Trim());
            }
            else
            {
                body.Append("        ").AppendLine(line.TrimEnd('\r'));
            }
        }

        return $$"""
            {{usings}}
            // {{Readme}}, the block at line {{Line}}.
            internal static class {{TypeName}}
            {
                public static async System.Threading.Tasks.Task RunAsync()
                {
                    await System.Threading.Tasks.Task.CompletedTask;
            {{body}}
                }
            }
            """;
    }

    /// <summary>The <c>```csharp</c> blocks of a markdown file, in order.</summary>
    public static IReadOnlyList<ReadmeSample> Read(string root, string relativePath)
    {
        string[] lines = File.ReadAllLines(Path.Combine(root, relativePath));
        var samples = new List<ReadmeSample>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp")
            {
                continue;
            }

            int start = i + 1;
            int end = start;
            while (end < lines.Length && lines[end].Trim() != "```")
            {
                end++;
            }

            samples.Add(new ReadmeSample(relativePath.Replace('\\', '/'), i + 1, string.Join('\n', lines[start..end])));
            i = end;
        }

        return samples;
    }

    // A using directive (not a using statement or declaration): using X.Y; using static X.Y; using A = X.Y;
    [GeneratedRegex(@"^\s*using\s+(static\s+)?[A-Za-z_][\w.]*(\s*=\s*[\w.<>, ]+)?\s*;\s*$")]
    private static partial Regex UsingDirective();
}
