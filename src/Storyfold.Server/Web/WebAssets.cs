using System.Security.Cryptography;

namespace Storyfold.Server.Web;

/// <summary>The UI's stylesheet and script, read once from the assembly's embedded resources.</summary>
public static class WebAssets
{
    public static byte[] Css { get; } = Read("wwwroot/site.css");

    public static byte[] Script { get; } = Read("wwwroot/site.js");

    /// <summary>Changes whenever an asset changes, so URLs carrying it can be cached for good.</summary>
    public static string Version { get; } = Convert.ToHexStringLower(SHA256.HashData([.. Css, .. Script]))[..12];

    private static byte[] Read(string name)
    {
        using var stream = typeof(WebAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
