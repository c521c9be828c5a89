namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// Reads the HTML form's source (Liquid blanked out, see <see cref="LiquidRegions"/>) tag by tag
/// and reports, with line and column: elements never closed or closed in the wrong order, end
/// tags that close nothing, and what a signature must not contain (scripts, frames, plug-ins,
/// forms, <c>on…</c> event handlers, <c>javascript:</c> links). Our own scanner rather than an
/// HTML5 parser's error list: the parser silently repairs most of these (and so would the
/// browser), but Outlook's Word engine does not, and the admin needs to know where to look.
/// Elements whose end tag HTML makes optional (p, li, td, tr…) may be closed implicitly.
/// Known limit: the same tag opened in both branches of an <c>{% if %}…{% else %}</c> counts twice.
/// </summary>
public static class HtmlSourceCheck
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
        { "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr" };

    private static readonly HashSet<string> OptionalEnd = new(StringComparer.OrdinalIgnoreCase)
        { "p", "li", "dt", "dd", "td", "th", "tr", "thead", "tbody", "tfoot", "option", "colgroup", "caption", "rt", "rp" };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase) { "style", "script", "textarea", "title" };

    private static readonly Dictionary<string, string> Forbidden = new(StringComparer.OrdinalIgnoreCase)
    {
        ["script"] = "mail clients never run scripts and spam filters penalize them",
        ["iframe"] = "mail clients do not show frames",
        ["frame"] = "mail clients do not show frames",
        ["frameset"] = "mail clients do not show frames",
        ["object"] = "mail clients do not run plug-ins",
        ["embed"] = "mail clients do not run plug-ins",
        ["applet"] = "mail clients do not run plug-ins",
        ["form"] = "forms in mail are blocked or flagged as phishing",
        ["base"] = "it would change every link of the message it is added to",
    };

    private static readonly string[] UrlAttributes = ["href", "src", "background", "action", "poster"];

    /// <param name="Reported">Already reported as left open by a mismatched end tag; its own late end tag is then accepted quietly.</param>
    private sealed record OpenTag(string Name, int Offset, bool Reported = false);

    public static IReadOnlyList<TemplateIssue> Check(string source)
    {
        var issues = new List<TemplateIssue>();
        var html = LiquidRegions.Blank(source);
        var open = new List<OpenTag>();
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0) break;
            if (At(html, lt, "<!--"))
            {
                var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                if (end < 0) { Add(issues, source, lt, IssueSeverity.Error, "html-comment", "This comment is never closed with -->: everything after it is hidden."); break; }
                i = end + 3;
                continue;
            }
            if (At(html, lt, "<!") || At(html, lt, "<?")) { i = SkipTo(html, lt, '>'); continue; }
            var closing = lt + 1 < html.Length && html[lt + 1] == '/';
            var nameStart = closing ? lt + 2 : lt + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':')) nameEnd++;
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart])) { i = lt + 1; continue; } // "a < b" is text
            var name = html[nameStart..nameEnd].ToLowerInvariant();
            var (tagEnd, selfClosing, attributes) = ReadAttributes(html, nameEnd);
            if (tagEnd < 0)
            {
                Add(issues, source, lt, IssueSeverity.Error, "html-unclosed-tag", $"The tag <{name}> has no closing '>'.");
                break;
            }
            i = tagEnd + 1;
            if (closing) { Close(issues, source, open, name, lt); continue; }

            if (Forbidden.TryGetValue(name, out var why))
                Add(issues, source, lt, IssueSeverity.Error, "html-forbidden-element", $"<{name}> is not allowed in a signature: {why}.");
            foreach (var (attribute, value, offset) in attributes) CheckAttribute(issues, source, name, attribute, value, offset);

            if (VoidElements.Contains(name)) continue;
            if (selfClosing)
            {
                Add(issues, source, lt, IssueSeverity.Warning, "html-self-closing", $"<{name}/> does not close the element in HTML: write <{name}></{name}>.");
                continue;
            }
            if (RawText.Contains(name))
            {
                var end = html.IndexOf($"</{name}", i, StringComparison.OrdinalIgnoreCase);
                if (end < 0) { Add(issues, source, lt, IssueSeverity.Error, "html-unclosed", $"<{name}> is never closed."); break; }
                i = end;
                open.Add(new OpenTag(name, lt));
                continue;
            }
            open.Add(new OpenTag(name, lt));
        }
        foreach (var tag in open.Where(tag => !tag.Reported && !OptionalEnd.Contains(tag.Name)))
            Add(issues, source, tag.Offset, IssueSeverity.Error, "html-unclosed", $"<{tag.Name}> is never closed.");
        return issues;
    }

    private static void Close(List<TemplateIssue> issues, string source, List<OpenTag> open, string name, int offset)
    {
        if (VoidElements.Contains(name)) return; // </br> and friends: harmless
        var index = open.FindLastIndex(tag => tag.Name == name);
        if (index < 0)
        {
            Add(issues, source, offset, IssueSeverity.Error, "html-stray-end-tag", $"</{name}> closes nothing: no <{name}> is open here.");
            return;
        }
        if (open[index].Reported) { open.RemoveAt(index); return; }
        var stillOpen = open.Skip(index + 1).Where(tag => !OptionalEnd.Contains(tag.Name)).ToList();
        foreach (var inner in stillOpen.Where(tag => !tag.Reported))
        {
            var at = SourcePosition.At(source, inner.Offset);
            Add(issues, source, offset, IssueSeverity.Error, "html-mismatched",
                $"</{name}> closes <{name}> while <{inner.Name}> (line {at.Line}, column {at.Column}) is still open: close <{inner.Name}> first.");
        }
        // One mistake, one message: the tags left open stay on the stack, marked, so their own late
        // end tag (as in <b><i></b></i>) or the end of the template does not report them again.
        open.RemoveRange(index, open.Count - index);
        open.AddRange(stillOpen.Select(tag => tag with { Reported = true }));
    }

    private static void CheckAttribute(List<TemplateIssue> issues, string source, string element, string attribute, string? value, int offset)
    {
        if (attribute.StartsWith("on", StringComparison.OrdinalIgnoreCase) && attribute.Length > 2)
        {
            Add(issues, source, offset, IssueSeverity.Error, "html-event-handler", $"The event handler {attribute} on <{element}> is not allowed in a signature: mail clients never run it.");
            return;
        }
        if (value is null || !UrlAttributes.Contains(attribute, StringComparer.OrdinalIgnoreCase)) return;
        var url = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        if (url.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase))
            Add(issues, source, offset, IssueSeverity.Error, "html-script-url", $"The {attribute} of <{element}> is a script URL, which is not allowed in a signature.");
        else if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            Add(issues, source, offset, IssueSeverity.Warning, "html-data-url", $"The {attribute} of <{element}> is a data: URL, which Gmail and Outlook block: upload the image as an asset instead.");
    }

    /// <summary>Reads attributes up to the tag's '>' (quotes respected).</summary>
    /// <returns>The offset of '>' (or -1), whether the tag ends with "/>", and each attribute with its value and offset.</returns>
    private static (int End, bool SelfClosing, List<(string Name, string? Value, int Offset)> Attributes) ReadAttributes(string html, int i)
    {
        var attributes = new List<(string, string?, int)>();
        while (i < html.Length)
        {
            while (i < html.Length && char.IsWhiteSpace(html[i])) i++;
            if (i >= html.Length) break;
            if (html[i] == '>') return (i, false, attributes);
            if (html[i] == '/' && i + 1 < html.Length && html[i + 1] == '>') return (i + 1, true, attributes);
            if (html[i] == '<') return (-1, false, attributes);
            var nameStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not ('=' or '>' or '<') && !(html[i] == '/' && i + 1 < html.Length && html[i + 1] == '>')) i++;
            var name = html[nameStart..i];
            if (name.Length == 0) { i++; continue; }
            while (i < html.Length && char.IsWhiteSpace(html[i])) i++;
            string? value = null;
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i])) i++;
                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var close = html.IndexOf(quote, i + 1);
                    if (close < 0) return (-1, false, attributes);
                    value = html[(i + 1)..close];
                    i = close + 1;
                }
                else
                {
                    var valueStart = i;
                    while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>') i++;
                    value = html[valueStart..i];
                }
            }
            attributes.Add((name, value, nameStart));
        }
        return (-1, false, attributes);
    }

    private static bool At(string text, int index, string expected) => string.CompareOrdinal(text, index, expected, 0, expected.Length) == 0;

    private static int SkipTo(string text, int from, char target)
    {
        var end = text.IndexOf(target, from);
        return end < 0 ? text.Length : end + 1;
    }

    private static void Add(List<TemplateIssue> issues, string source, int offset, IssueSeverity severity, string code, string message)
    {
        var at = SourcePosition.At(source, offset);
        issues.Add(new TemplateIssue(severity, TemplateForm.Html, code, at.Line, at.Column, message));
    }
}
