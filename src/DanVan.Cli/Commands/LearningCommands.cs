using System.CommandLine;

namespace DanVan.Cli.Commands;

/// <summary>The learning commands (<c>train</c>, <c>classify</c>, <c>topics</c>), added to the root in one place.</summary>
internal static class LearningCommands
{
    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(ClassifyCommand.Create());
        root.Subcommands.Add(TopicsCommand.Create());
    }
}
