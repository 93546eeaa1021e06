namespace Storyfold.Cli.Commands;

/// <summary>How busy the machine is, printed beside benchmark figures so a slow figure on a busy machine can be told apart.</summary>
internal static class MachineLoad
{
    /// <summary>The 1-minute load average (Linux); null where the system does not tell.</summary>
    public static string? LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
