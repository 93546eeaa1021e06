namespace Storyfold.News;

/// <summary>Something wrong with one input (a file, a line of a file, a feed item), reported without stopping the rest.</summary>
/// <param name="IsWarning">True when the input was still used (for example, with an unreadable date left empty).</param>
public sealed record SourceProblem(string Source, int? Line, string Message, bool IsWarning = false)
{
    public static SourceProblem Warning(string source, int? line, string message) => new(source, line, message, true);

    /// <summary>The contract's one-line form, without the <c>storyfold: </c> prefix.</summary>
    public override string ToString()
    {
        var where = Line is { } line ? $"{Source}:{line}" : Source;
        return IsWarning ? $"{where}: warning: {Message}" : $"{where}: {Message}";
    }
}
