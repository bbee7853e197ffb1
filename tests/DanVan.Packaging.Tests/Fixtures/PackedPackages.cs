using System.IO.Compression;
using System.Xml.Linq;

namespace DanVan.Packaging.Tests.Fixtures;

/// <summary>One package that <c>dotnet pack</c> wrote.</summary>
/// <param name="Id">The package id.</param>
/// <param name="Version">The package version.</param>
/// <param name="Path">The <c>.nupkg</c> file.</param>
/// <param name="Nuspec">The package's manifest.</param>
internal sealed record PackedPackage(string Id, string Version, string Path, XElement Nuspec)
{
    /// <summary>True for a dotnet tool package.</summary>
    public bool IsTool => Nuspec.Descendants(Nuspec.Name.Namespace + "packageType")
        .Any(t => string.Equals((string?)t.Attribute("name"), "DotnetTool", StringComparison.OrdinalIgnoreCase));

    /// <summary>The symbol package beside it.</summary>
    public string SymbolsPath => System.IO.Path.ChangeExtension(Path, ".snupkg");

    /// <summary>The value of a manifest element (<c>readme</c>, <c>version</c>…), or null.</summary>
    public string? Metadata(string name) => Nuspec.Descendants(Nuspec.Name.Namespace + name).FirstOrDefault()?.Value;

    /// <summary>The manifest's <c>repository</c> element.</summary>
    public XElement? Repository => Nuspec.Descendants(Nuspec.Name.Namespace + "repository").FirstOrDefault();
}

/// <summary>
/// Packs every packable project of the solution once, from this working tree, into a temporary folder (Release,
/// as a user's <c>dotnet pack</c>), for the tests of the packages as users get them.
/// </summary>
public sealed class PackedPackages : IDisposable
{
    /// <summary>The temporary folder of this run (packages, consumer project, installed tool).</summary>
    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("danvan-packaging-").FullName;

    /// <summary>The folder the packages were packed into: the local package source of the tests.</summary>
    public string Feed => Path.Combine(WorkDirectory, "feed");

    /// <summary>
    /// A global packages folder of this run only, so that packages of the same version packed before (by another
    /// run, from other sources) cannot stand in for these.
    /// </summary>
    public string GlobalPackages => Path.Combine(WorkDirectory, "nuget-packages");

    /// <summary>What <c>dotnet pack</c> said.</summary>
    internal ProcessResult Pack { get; }

    /// <summary>The packages written (not the symbol packages).</summary>
    internal IReadOnlyList<PackedPackage> Packages { get; }

    /// <summary>The environment for child processes that restore: this run's global packages folder.</summary>
    internal IReadOnlyDictionary<string, string> RestoreEnvironment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = GlobalPackages };

    /// <summary>Packs the solution.</summary>
    public PackedPackages()
    {
        Directory.CreateDirectory(Feed);
        Pack = DotnetProcess.Dotnet(
            ["pack", Path.Combine(RepositoryPaths.Root, "DanVan.Analytics.sln"), "-c", "Release", "-o", Feed, "-nodeReuse:false"],
            RepositoryPaths.Root);
        Packages = Directory.EnumerateFiles(Feed, "*.nupkg").Order(StringComparer.Ordinal).Select(Read).ToList();
    }

    /// <summary>The package of <paramref name="id"/>.</summary>
    internal PackedPackage Get(string id) =>
        Packages.SingleOrDefault(p => p.Id == id) ?? throw new InvalidOperationException($"No package {id} was packed.\n{Pack}");

    /// <summary>Deletes the temporary folder.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A tool process that outlived its test may still hold a file; the folder is in the temp directory.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static PackedPackage Read(string path)
    {
        using ZipArchive zip = ZipFile.OpenRead(path);
        ZipArchiveEntry entry = zip.Entries.Single(e => !e.FullName.Contains('/', StringComparison.Ordinal)
            && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        using Stream stream = entry.Open();
        XElement nuspec = XElement.Load(stream);
        XNamespace ns = nuspec.Name.Namespace;
        XElement metadata = nuspec.Element(ns + "metadata") ?? throw new InvalidDataException($"{path}: no metadata");
        return new PackedPackage((string)metadata.Element(ns + "id")!, (string)metadata.Element(ns + "version")!, path, nuspec);
    }
}

/// <summary>The tests that share one pack of the solution.</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackagesGroup : ICollectionFixture<PackedPackages>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "packed packages";
}
