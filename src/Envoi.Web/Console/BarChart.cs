using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Envoi.Web.Console;

/// <summary>
/// A bar chart drawn on the server as SVG: no script, nothing fetched, readable without JavaScript
/// and allowed by the console's Content-Security-Policy. Each bar has a title (shown on hover and
/// read by screen readers), and the table below the chart carries the same numbers.
/// </summary>
public static class BarChart
{
    public static IHtmlContent Render(string title, IReadOnlyList<(string Label, double Value)> bars, int width = 900, int height = 220)
    {
        var svg = new StringBuilder();
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        const int top = 10, bottom = 30, left = 40;
        var plotHeight = height - top - bottom;
        var step = bars.Count == 0 ? 0 : (double)(width - left) / bars.Count;
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{top + 10}\" class=\"axis\">{max:0}</text><text x=\"0\" y=\"{top + plotHeight}\" class=\"axis\">0</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top + plotHeight}\" x2=\"{width}\" y2=\"{top + plotHeight}\" class=\"baseline\"/>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var h = value / max * plotHeight;
            var barWidth = Math.Min(step * 0.7, 60); // a few wide bars read as blocks, not bars
            var x = left + i * step + (step - barWidth) / 2;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{top + plotHeight - h:0.#}\" width=\"{barWidth:0.#}\" height=\"{h:0.#}\" class=\"bar\"><title>{WebUtility.HtmlEncode(label)}: {value:0.##}</title></rect>");
            // Label every bar when few, else about ten of them, so labels never overlap.
            if (bars.Count <= 12 || i % (int)Math.Ceiling(bars.Count / 10.0) == 0)
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{height - 8}\" class=\"axis\">{WebUtility.HtmlEncode(label.Length > 12 ? label[..12] : label)}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
