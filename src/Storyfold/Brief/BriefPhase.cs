using System.Diagnostics;

namespace Storyfold.Brief;

/// <summary>How long one step of building a brief took (for benchmarks that break the time down).</summary>
public sealed record BriefPhase(string Name, TimeSpan Elapsed);

/// <summary>Reports the time since the previous lap to an optional listener; costs nothing without one.</summary>
internal sealed class PhaseClock(Action<BriefPhase>? listener)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public void Lap(string name)
    {
        if (listener is null)
        {
            return;
        }

        listener(new BriefPhase(name, _watch.Elapsed));
        _watch.Restart();
    }
}
