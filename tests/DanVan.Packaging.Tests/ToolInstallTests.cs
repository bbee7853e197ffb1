using DanVan.Packaging.Tests.Fixtures;

namespace DanVan.Packaging.Tests;

/// <summary>
/// The <c>danvan</c> tool installed from the packed folder with <c>dotnet tool install --tool-path</c>, then run
/// from a directory outside the repository, as a user who never cloned it would.
/// </summary>
[Collection(PackedPackagesGroup.Name)]
public sealed class ToolInstallTests(PackedPackages packed)
{
    [Fact]
    public void InstalledTool_RunsTheDemo_OnTheCorpusItShips()
    {
        Assert.True(packed.Pack.ExitCode == 0, packed.Pack.ToString());
        PackedPackage tool = Assert.Single(packed.Packages, p => p.IsTool);
        string toolPath = Path.Combine(packed.WorkDirectory, "tools");
        ProcessResult install = DotnetProcess.Dotnet(
            ["tool", "install", tool.Id, "--tool-path", toolPath, "--add-source", packed.Feed, "--version", tool.Version],
            packed.WorkDirectory, packed.RestoreEnvironment);
        Assert.True(install.ExitCode == 0, install.ToString());

        string danvan = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "danvan.exe" : "danvan");
        string elsewhere = Directory.CreateDirectory(Path.Combine(packed.WorkDirectory, "elsewhere")).FullName;
        for (var dir = new DirectoryInfo(elsewhere); dir is not null; dir = dir.Parent)
        {
            Assert.False(Directory.Exists(Path.Combine(dir.FullName, "corpus", "seeds")), $"a corpus lies above {elsewhere}: the test would not show the tool's own");
        }

        ProcessResult version = DotnetProcess.Run(danvan, ["--version"], elsewhere);
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.StartsWith(tool.Version, version.Output.Trim(), StringComparison.Ordinal);

        ProcessResult demo = DotnetProcess.Run(danvan, ["demo"], elsewhere);
        Assert.True(demo.ExitCode == 0, demo.ToString());

        // Every seed article of the corpus was read (the demo names each file it normalizes).
        foreach (string seed in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "corpus", "seeds"), "*.txt"))
        {
            Assert.Contains(Path.GetFileName(seed), demo.Output, StringComparison.Ordinal);
        }
    }
}
