using System.Security;
using System.Text;
using DanVan.Packaging.Tests.Fixtures;

namespace DanVan.Packaging.Tests;

/// <summary>
/// A new console project, as a user starts one, that references the packed packages from a local folder (beside
/// the usual package source) and holds the C# samples of the READMEs: the root README's run as its quick start,
/// the packages' READMEs' are compiled (so that none of them can rot).
/// </summary>
[Collection(PackedPackagesGroup.Name)]
public sealed class ConsumerProjectTests(PackedPackages packed)
{
    [Fact]
    public void ConsoleProject_ReferencingThePackages_CompilesEveryReadmeSample_AndRunsTheQuickStart()
    {
        Assert.True(packed.Pack.ExitCode == 0, packed.Pack.ToString());
        List<PackedPackage> libraries = packed.Packages.Where(p => !p.IsTool).ToList();
        Assert.NotEmpty(libraries);

        IReadOnlyList<ReadmeSample> quickStart = ReadmeSample.Read(RepositoryPaths.Root, "README.md");
        Assert.NotEmpty(quickStart);
        List<ReadmeSample> packageSamples = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "README.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(path => ReadmeSample.Read(RepositoryPaths.Root, Path.GetRelativePath(RepositoryPaths.Root, path)))
            .ToList();

        string project = Path.Combine(packed.WorkDirectory, "consumer");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="packed" value="{SecurityElement.Escape(packed.Feed)}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
            {string.Join('\n', libraries.Select(p => $"    <PackageReference Include=\"{p.Id}\" Version=\"[{p.Version}]\" />"))}
              </ItemGroup>
            </Project>
            """);
        foreach (ReadmeSample sample in quickStart.Concat(packageSamples))
        {
            File.WriteAllText(Path.Combine(project, sample.TypeName + ".cs"), sample.ToCompilationUnit());
        }

        var program = new StringBuilder();
        foreach (ReadmeSample sample in quickStart)
        {
            program.AppendLine($"await {sample.TypeName}.RunAsync();");
        }

        program.AppendLine("Console.WriteLine(\"the README's samples ran\");");
        File.WriteAllText(Path.Combine(project, "Program.cs"), program.ToString());

        ProcessResult build = DotnetProcess.Dotnet(["build", "-nodeReuse:false"], project, packed.RestoreEnvironment);
        Assert.True(build.ExitCode == 0, build.ToString());

        // The packages came from the packed folder, at the packed versions.
        string assets = File.ReadAllText(Path.Combine(project, "obj", "project.assets.json"));
        foreach (PackedPackage library in libraries)
        {
            Assert.Contains($"\"{library.Id}/{library.Version}\"", assets, StringComparison.Ordinal);
        }

        ProcessResult run = DotnetProcess.Dotnet(["run", "--no-build"], project, packed.RestoreEnvironment);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("the README's samples ran", run.Output, StringComparison.Ordinal);
        Assert.Contains("Syllable: ", run.Output, StringComparison.Ordinal); // the quick start's tokens
    }
}
