namespace Storyfold.Tests.Support;

/// <summary>
/// Finds <c>../shared</c> beside the repo. Tests that need it skip with a visible reason on a machine that has only
/// the repo, and fail instead when <c>CI=true</c>, so CI never passes by skipping.
/// </summary>
public static class SharedData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string? Root
    {
        get
        {
            var candidate = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    }

    /// <summary>The path of <paramref name="relative"/> under ../shared, or skips (fails on CI) when it is absent.</summary>
    public static string Require(string relative)
    {
        var root = Root;
        var path = root is null ? null : Path.Combine(root, relative);
        if (path is not null && (File.Exists(path) || Directory.Exists(path)))
        {
            return path;
        }

        var reason = $"../shared/{relative} is not beside the repo ({RepoRoot})";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + " and CI=true: shared data must be present on CI");
        }

        Assert.Skip(reason);
        return "";
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Storyfold.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repo root (Storyfold.slnx) above " + AppContext.BaseDirectory);
    }
}
