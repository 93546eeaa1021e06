using System.IO.Compression;
using System.Text;
using Storyfold.Ingest;

namespace Storyfold.Tests.Ingest;

public sealed class HtmlReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("storyfold-htmlreader-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly byte[] Page = Encoding.UTF8.GetBytes(
        "<html><body><p>" + string.Concat(Enumerable.Repeat("The harbour council met again. ", 4000)) + "</p></body></html>");

    [Fact]
    public void Reads_a_plain_page_byte_for_byte()
    {
        var path = Path.Combine(_dir, "page.html");
        File.WriteAllBytes(path, Page);
        Assert.Equal(Page, HtmlReader.ReadBytes(InputFile.FromPath(path), out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(7u)]
    [InlineData(uint.MaxValue)]
    public void Reads_a_gzipped_page_byte_for_byte_whatever_size_its_trailer_records(uint? recordedSize)
    {
        var path = Path.Combine(_dir, "page.html.gz");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
        {
            gzip.Write(Page);
        }

        if (recordedSize is { } size)
        {
            // The trailer's last four bytes record the size; a damaged or hand-made file can say anything there, and gzip
            // does not check it before the end, so write one the reader may not trust for more than a size to start with.
            var bytes = File.ReadAllBytes(path);
            BitConverter.TryWriteBytes(bytes.AsSpan(bytes.Length - 4), size);
            File.WriteAllBytes(path, bytes);
        }

        var read = HtmlReader.ReadBytes(InputFile.FromPath(path), out var error);
        if (recordedSize is null)
        {
            Assert.Equal(Page, read);
            Assert.Null(error);
        }
        else
        {
            // .NET's gzip checks the recorded size at the end and refuses the stream; either way, one clear line.
            Assert.True(read is null ? error!.StartsWith("cannot read", StringComparison.Ordinal) : read.AsSpan().SequenceEqual(Page), error);
        }
    }
}
