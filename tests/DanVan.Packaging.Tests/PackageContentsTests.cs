using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DanVan.Packaging.Tests.Fixtures;

namespace DanVan.Packaging.Tests;

/// <summary>
/// Every package as <c>dotnet pack</c> writes it: XML docs beside each of our assemblies, a readme, the LICENSE,
/// the source commit, and a symbol package beside it.
/// </summary>
[Collection(PackedPackagesGroup.Name)]
public sealed partial class PackageContentsTests(PackedPackages packed)
{
    [Fact]
    public void Pack_EveryPackableProjectOfTheSolution_WritesItsPackage()
    {
        Assert.True(packed.Pack.ExitCode == 0, packed.Pack.ToString());

        // Packable projects are found, not listed: every project under src/ that says IsPackable.
        List<string> expected = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(path => (Path: path, Project: XDocument.Load(path)))
            .Where(p => p.Project.Descendants("IsPackable").Any(e => e.Value.Trim() == "true"))
            .Select(p => p.Project.Descendants("PackageId").FirstOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(p.Path))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, packed.Packages.Select(p => p.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Packages_CarryXmlDocsForEachOfTheirAssemblies()
    {
        Assert.NotEmpty(packed.Packages);
        foreach (PackedPackage package in packed.Packages)
        {
            using ZipArchive zip = ZipFile.OpenRead(package.Path);
            var files = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            string folder = package.IsTool ? "tools/net10.0/any/" : "lib/net10.0/";

            // Our own assemblies: the package's, and (in the tool) the libraries it carries.
            List<string> ours = files.Where(f => f.StartsWith(folder, StringComparison.Ordinal) && !f[folder.Length..].Contains('/', StringComparison.Ordinal)
                    && f.EndsWith(".dll", StringComparison.Ordinal)
                    && (Path.GetFileName(f).StartsWith("DanVan.", StringComparison.Ordinal) || Path.GetFileName(f) == "danvan.dll"))
                .ToList();
            Assert.True(ours.Count > 0, $"{package.Id}: no assembly of ours under {folder}");
            foreach (string assembly in ours)
            {
                string docs = Path.ChangeExtension(assembly, ".xml");
                Assert.True(files.Contains(docs), $"{package.Id}: {docs} is missing");
                XDocument xml = XDocument.Load(zip.GetEntry(docs)!.Open());
                Assert.Equal(Path.GetFileNameWithoutExtension(assembly), xml.Root?.Element("assembly")?.Element("name")?.Value);
                if (!package.IsTool)
                {
                    // A library documents its public types.
                    Assert.Contains(xml.Descendants("member"), m => ((string?)m.Attribute("name"))?.StartsWith("T:", StringComparison.Ordinal) == true);
                }
            }
        }
    }

    [Fact]
    public void Packages_CarryTheirReadmeAndLicense()
    {
        Assert.NotEmpty(packed.Packages);
        string license = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "LICENSE"));
        Assert.Contains("MIT License", license, StringComparison.Ordinal);
        foreach (PackedPackage package in packed.Packages)
        {
            string? readme = package.Metadata("readme");
            Assert.True(readme is not null, $"{package.Id}: the nuspec names no readme");
            using ZipArchive zip = ZipFile.OpenRead(package.Path);
            string packedReadme = ReadEntry(zip, readme);
            Assert.Contains($"# {package.Id}", packedReadme, StringComparison.Ordinal);
            Assert.Equal(license, ReadEntry(zip, "LICENSE"));
            Assert.Equal("MIT", package.Metadata("license"));
        }
    }

    [Fact]
    public void Packages_NameTheSourceCommit()
    {
        Assert.NotEmpty(packed.Packages);
        ProcessResult head = DotnetProcess.Run("git", ["rev-parse", "HEAD"], RepositoryPaths.Root);
        Assert.True(head.ExitCode == 0, head.ToString());
        string commit = head.Output.Trim();
        Assert.Matches(CommitPattern(), commit);
        foreach (PackedPackage package in packed.Packages)
        {
            XElement? repository = package.Repository;
            Assert.True(repository is not null, $"{package.Id}: the nuspec has no repository element");
            Assert.Equal("git", (string?)repository.Attribute("type"));
            Assert.Equal(commit, (string?)repository.Attribute("commit"));
        }
    }

    [Fact]
    public void Packages_HaveASymbolPackageBesideThem()
    {
        Assert.NotEmpty(packed.Packages);
        foreach (PackedPackage package in packed.Packages)
        {
            Assert.True(File.Exists(package.SymbolsPath), $"{package.Id}: {Path.GetFileName(package.SymbolsPath)} is missing");
            using ZipArchive symbols = ZipFile.OpenRead(package.SymbolsPath);
            using ZipArchive zip = ZipFile.OpenRead(package.Path);
            string folder = package.IsTool ? "tools/net10.0/any/" : "lib/net10.0/";
            string mainAssembly = package.IsTool ? "danvan" : package.Id;
            Assert.Contains(symbols.Entries, e => e.FullName == $"{folder}{mainAssembly}.pdb");
        }
    }

    [Fact]
    public void Versions_AreTheSameForEveryPackage_AndPrereleaseWhereADependencyIs()
    {
        Assert.NotEmpty(packed.Packages);
        foreach (PackedPackage package in packed.Packages)
        {
            List<XElement> dependencies = package.Nuspec.Descendants(package.Nuspec.Name.Namespace + "dependency").ToList();
            bool dependsOnPrerelease = dependencies.Any(d => ((string?)d.Attribute("version"))?.Contains('-', StringComparison.Ordinal) == true);
            if (dependsOnPrerelease)
            {
                // NuGet refuses a stable package over a prerelease (NU5104); users then need --prerelease.
                Assert.Contains('-', package.Version);
            }

            // Our packages depend on each other at the version packed together.
            foreach (XElement dependency in dependencies.Where(d => ((string?)d.Attribute("id"))?.StartsWith("DanVan.", StringComparison.Ordinal) == true))
            {
                PackedPackage other = packed.Get((string)dependency.Attribute("id")!);
                Assert.Equal($"{other.Version}", ((string?)dependency.Attribute("version"))?.Trim('[', ']', '(', ')').Split(',')[0]);
            }
        }
    }

    [Fact]
    public void Tool_ShipsTheCorpus_RollsForward_AndCarriesNativeSqliteForSupportedPlatformsOnly()
    {
        PackedPackage tool = Assert.Single(packed.Packages, p => p.IsTool);
        using ZipArchive zip = ZipFile.OpenRead(tool.Path);
        string repositoryCorpus = Path.Combine(RepositoryPaths.Root, "corpus");
        foreach (string file in Directory.EnumerateFiles(repositoryCorpus, "*", SearchOption.AllDirectories))
        {
            string entry = "tools/net10.0/any/corpus/" + Path.GetRelativePath(repositoryCorpus, file).Replace('\\', '/');
            Assert.True(zip.GetEntry(entry) is not null, $"{entry} is missing from the tool");
        }

        string runtimeConfig = ReadEntry(zip, "tools/net10.0/any/danvan.runtimeconfig.json");
        Assert.Contains("\"rollForward\": \"Major\"", runtimeConfig, StringComparison.Ordinal);

        var platforms = zip.Entries.Select(e => RuntimeFolder().Match(e.FullName)).Where(m => m.Success)
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("linux-x64", platforms);
        Assert.Contains("win-x64", platforms);
        Assert.Contains("osx-arm64", platforms);
        Assert.DoesNotContain("browser-wasm", platforms);
        Assert.DoesNotContain("linux-mips64", platforms);
        Assert.True(platforms.Count <= 10, "native builds for: " + string.Join(", ", platforms.Order(StringComparer.Ordinal)));
    }

    private static string ReadEntry(ZipArchive zip, string name)
    {
        ZipArchiveEntry? entry = zip.GetEntry(name);
        Assert.True(entry is not null, $"{name} is not in the package");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex CommitPattern();

    [GeneratedRegex("^tools/net10.0/any/runtimes/([^/]+)/")]
    private static partial Regex RuntimeFolder();
}
