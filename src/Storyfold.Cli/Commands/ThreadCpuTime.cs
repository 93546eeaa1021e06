namespace Storyfold.Cli.Commands;

/// <summary>CPU time of the calling thread, for benchmarks run on a loaded machine where wall time says little.</summary>
internal static class ThreadCpuTime
{
    /// <summary>Linux's clock of CPU time spent by the calling thread.</summary>
    private const int ThreadCpuClock = 3;

    public static TimeSpan Now()
    {
        ClockGetTime(ThreadCpuClock, out var time);
        return TimeSpan.FromTicks((time.Seconds * 1_000_000_000 + time.Nanoseconds) / 100);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    /// <summary>The C library's struct timespec on 64-bit Linux.</summary>
    private readonly record struct Timespec(long Seconds, long Nanoseconds);
}
