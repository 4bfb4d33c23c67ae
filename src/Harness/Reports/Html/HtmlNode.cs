using System.Text;
using System.Text.Encodings.Web;

namespace Harness.Reports.Html;

/// <summary>
/// A tiny typed HTML tree. Text and attribute values are always encoded on render, so data from a run
/// (page titles, URLs, error messages) can never become markup.
/// </summary>
internal abstract record HtmlNode
{
    public abstract void Render(StringBuilder output);

    public static implicit operator HtmlNode(string text) => new HtmlText(text);
}

internal sealed record HtmlText(string Text) : HtmlNode
{
    public override void Render(StringBuilder output) => output.Append(HtmlEncoder.Default.Encode(Text));
}

/// <summary>Trusted markup written by this program (the stylesheet); never built from run data.</summary>
internal sealed record HtmlTrusted(string Markup) : HtmlNode
{
    public override void Render(StringBuilder output) => output.Append(Markup);
}

internal sealed record HtmlElement(string Tag, IReadOnlyList<(string Name, string Value)> Attributes, IReadOnlyList<HtmlNode> Children) : HtmlNode
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal) { "meta", "link", "br", "hr", "img", "input" };

    public override void Render(StringBuilder output)
    {
        output.Append('<').Append(Tag);
        foreach (var (name, value) in Attributes)
        {
            output.Append(' ').Append(name).Append("=\"").Append(HtmlEncoder.Default.Encode(value)).Append('"');
        }
        output.Append('>');
        if (VoidElements.Contains(Tag)) return;
        foreach (var child in Children) child.Render(output);
        output.Append("</").Append(Tag).Append('>');
    }
}

/// <summary>Builders for the elements the report uses.</summary>
internal static class H
{
    public static HtmlElement E(string tag, params HtmlNode[] children) => new(tag, [], children);

    public static HtmlElement E(string tag, (string, string)[] attributes, params HtmlNode[] children) => new(tag, attributes, children);

    public static HtmlElement Cls(string tag, string cssClass, params HtmlNode[] children) => new(tag, [("class", cssClass)], children);

    public static HtmlElement Table(IReadOnlyList<string> headers, IEnumerable<HtmlNode[]> rows) =>
        E("table",
            E("thead", E("tr", headers.Select(h => (HtmlNode)E("th", h)).ToArray())),
            E("tbody", rows.Select(r => (HtmlNode)E("tr", r.Select(c => (HtmlNode)E("td", c)).ToArray())).ToArray()));
}
