using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Storyfold.Cli;

/// <summary>JSON as the contract shapes it: snake_case names, nulls written, non-ASCII kept readable.</summary>
public static class CliJson
{
    public static readonly JsonSerializerOptions Document = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static readonly JsonSerializerOptions Line = new(Document) { WriteIndented = false };

    public static void WriteDocument<T>(TextWriter writer, T value) => writer.WriteLine(JsonSerializer.Serialize(value, Document));

    public static void WriteLine<T>(TextWriter writer, T value) => writer.WriteLine(JsonSerializer.Serialize(value, Line));
}
