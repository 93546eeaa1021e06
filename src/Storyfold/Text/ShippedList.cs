using System.Reflection;

namespace Storyfold.Text;

/// <summary>
/// The name lists that ship inside the assembly (gazetteers, outlets): one entry a line, fields split by <c>|</c>,
/// several names in a field split by commas, blank lines and <c>#</c> comments skipped.
/// </summary>
internal static class ShippedList
{
    /// <summary>The entries of an embedded list, each as its fields.</summary>
    public static IReadOnlyList<string[]> Read(string resourceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"the list {resourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        var entries = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                entries.Add(line.Split('|'));
            }
        }

        return entries;
    }

    /// <summary>The comma-separated names in field <paramref name="index"/>; none when the entry has no such field.</summary>
    public static IEnumerable<string> Names(string[] fields, int index) =>
        index < fields.Length ? fields[index].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
}
