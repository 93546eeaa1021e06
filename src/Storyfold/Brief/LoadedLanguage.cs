using Storyfold.Text;

namespace Storyfold.Brief;

/// <summary>
/// Words that tell the reader what to feel rather than what happened ("slams", "brutal", "panic"): a short list the team
/// compiled, used to prefer the plainer of two wordings of one fact.
/// </summary>
public static class LoadedLanguage
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "slam", "slams", "slammed", "blast", "blasts", "blasted", "rip", "rips", "ripped", "destroy", "destroys", "torch",
        "torches", "eviscerate", "eviscerates", "meltdown", "panic", "chaos", "chaotic", "disaster", "disastrous", "shocking",
        "outrageous", "outrage", "radical", "extreme", "extremist", "scheme", "brutal", "horrific", "horror", "horrifying",
        "furious", "fury", "rage", "bombshell", "humiliating", "humiliation", "crushing", "terrifying", "stunning", "explosive",
        "doom", "catastrophe", "catastrophic", "lies", "liar", "smear", "sham", "farce", "hoax", "regime", "tyrant", "thug",
        "dictator", "autocratic", "despot", "puppet", "staunch", "firebrand", "scathing", "devastating", "unhinged", "insane",
        "absurd", "ridiculous", "disgraceful", "shameful", "slaughter", "massacre", "murderers", "evil", "vile",
        "craven", "cowardly", "reckless", "alarming", "fearmongering", "propaganda", "hysteria", "hysterical",
        "witch", "hunt", "grift", "corrupt", "crooked", "bully", "bullying",
        "brazen", "blistering", "lambast", "lambasts", "lambasted", "savage", "savaged", "skewer", "skewers", "trash", "trashes",
    };

    /// <summary>Share of the sentence's words that are loaded, plus a little for exclamation marks.</summary>
    public static double Score(string text) => Score(text, Tokens.Words(text).ToList());

    /// <summary>The same score from the text's words, when they are already at hand.</summary>
    public static double Score(string text, IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            return 0;
        }

        var loaded = words.Count(w => Words.Contains(w.ToLowerInvariant()));
        return (double)loaded / words.Count + (text.Contains('!', StringComparison.Ordinal) ? 0.05 : 0);
    }
}
