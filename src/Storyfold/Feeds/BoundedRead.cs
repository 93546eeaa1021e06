namespace Storyfold.Feeds;

/// <summary>Reads a stream up to a size cap, saying whether it was cut, so one huge response cannot exhaust memory.</summary>
internal static class BoundedRead
{
    public static async Task<(byte[] Bytes, bool Truncated)> ReadAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        var truncated = false;
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            var room = maxBytes - buffer.Length;
            if (read > room)
            {
                buffer.Write(chunk, 0, (int)Math.Max(0, room));
                truncated = true;
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), truncated);
    }
}
