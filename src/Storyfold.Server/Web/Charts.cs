using System.Globalization;
using System.Text;
using Storyfold.News;

namespace Storyfold.Server.Web;

/// <summary>Inline SVG charts: small, accessible (role=img with a text alternative) and styled by the page's CSS.</summary>
public static class Charts
{
    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Articles over time as small columns, one a day (or a week for long stories).</summary>
    public static string Sparkline(IReadOnlyList<Article> articles)
    {
        var days = articles.Where(a => a.Published is not null).Select(a => a.Published!.Value.Day).OrderBy(d => d).ToList();
        if (days.Count == 0)
        {
            return "<svg class=\"sparkline\" viewBox=\"0 0 120 32\" role=\"img\" aria-label=\"No dated articles\"><line x1=\"0\" y1=\"31\" x2=\"120\" y2=\"31\" class=\"spark-axis\"/></svg>";
        }

        var first = days[0];
        var spanDays = days[^1].DayNumber - first.DayNumber + 1;
        var bucketDays = spanDays <= 30 ? 1 : (int)Math.Ceiling(spanDays / 30.0);
        var buckets = new int[Math.Max(7, (spanDays + bucketDays - 1) / bucketDays)];
        foreach (var day in days)
        {
            buckets[(day.DayNumber - first.DayNumber) / bucketDays]++;
        }

        var max = buckets.Max();
        var width = 120.0 / buckets.Length;
        var svg = new StringBuilder();
        var label = $"{Html.Plural(days.Count, "dated article", "dated articles")} over {Html.Plural(spanDays, "day", "days")}, at most {max} {(bucketDays == 1 ? "a day" : $"in {bucketDays} days")}";
        svg.Append($"<svg class=\"sparkline\" viewBox=\"0 0 120 32\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{Html.E(label)}\">");
        for (var i = 0; i < buckets.Length; i++)
        {
            if (buckets[i] == 0)
            {
                continue;
            }

            var height = Math.Max(3, 30.0 * buckets[i] / max);
            svg.Append($"<rect x=\"{N(i * width + 0.5)}\" y=\"{N(31 - height)}\" width=\"{N(Math.Max(1, width - 1))}\" height=\"{N(height)}\" rx=\"1\"/>");
        }

        svg.Append("<line x1=\"0\" y1=\"31.5\" x2=\"120\" y2=\"31.5\" class=\"spark-axis\"/></svg>");
        return svg.ToString();
    }

    /// <summary>Coverage by source: one horizontal bar a source, longest first.</summary>
    public static string Coverage(IReadOnlyList<Article> articles)
    {
        var bySource = articles
            .GroupBy(a => string.IsNullOrWhiteSpace(a.Source) ? "unknown source" : a.Source!, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Source: g.Key, Count: g.Count()))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Source, StringComparer.OrdinalIgnoreCase)
            .Take(12)
            .ToList();
        var max = bySource.Max(x => x.Count);
        const int Row = 26;
        var height = bySource.Count * Row;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"coverage\" viewBox=\"0 0 320 {height}\" role=\"img\" aria-labelledby=\"coverage-title\">");
        svg.Append($"<title id=\"coverage-title\">{Html.E(string.Join(", ", bySource.Select(x => $"{x.Source}: {x.Count}")))}</title>");
        for (var i = 0; i < bySource.Count; i++)
        {
            var (source, count) = bySource[i];
            var y = i * Row;
            var width = Math.Max(4, 150.0 * count / max);
            var name = source.Length > 22 ? source[..21] + "…" : source;
            svg.Append($"<text x=\"0\" y=\"{y + 17}\" class=\"bar-label\">{Html.E(name)}</text>");
            svg.Append($"<rect x=\"140\" y=\"{y + 5}\" width=\"{N(width)}\" height=\"16\" rx=\"3\" class=\"bar\"/>");
            svg.Append($"<text x=\"{N(146 + width)}\" y=\"{y + 17}\" class=\"bar-value\">{count}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
