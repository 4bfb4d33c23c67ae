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

/// <summary>Several nodes rendered one after another, with no element around them.</summary>
internal sealed record HtmlFragment(IReadOnlyList<HtmlNode> Children) : HtmlNode
{
    public override void Render(StringBuilder output)
    {
        foreach (var child in Children)
            child.Render(output);
    }
}

internal sealed record HtmlElement(string Tag, IReadOnlyList<(string Name, string Value)> Attributes, IReadOnlyList<HtmlNode> Children)
    : HtmlNode
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
        if (VoidElements.Contains(Tag))
            return;
        foreach (var child in Children)
            child.Render(output);
        output.Append("</").Append(Tag).Append('>');
    }
}

/// <summary>Builders for the elements the report uses.</summary>
internal static class H
{
    /// <summary>An element; null children (absent optional parts) are skipped.</summary>
    public static HtmlElement E(string tag, params HtmlNode?[] children) => new(tag, [], children.OfType<HtmlNode>().ToArray());

    public static HtmlElement E(string tag, (string, string)[] attributes, params HtmlNode?[] children) =>
        new(tag, attributes, children.OfType<HtmlNode>().ToArray());

    public static HtmlElement Cls(string tag, string cssClass, params HtmlNode?[] children) =>
        new(tag, [("class", cssClass)], children.OfType<HtmlNode>().ToArray());

    /// <summary>Nodes without a wrapping element; nulls (absent optional parts) are skipped.</summary>
    public static HtmlFragment Frag(params HtmlNode?[] children) => new(children.OfType<HtmlNode>().ToArray());

    public static HtmlFragment Frag(IEnumerable<HtmlNode?> children) => new(children.OfType<HtmlNode>().ToArray());

    /// <summary>A section with an id and a heading: the unit every report section renderer returns.</summary>
    public static HtmlElement Section(string id, string heading, params HtmlNode?[] children) =>
        new("section", [("id", id)], [E("h2", heading), .. children.OfType<HtmlNode>()]);

    /// <summary>An SVG number attribute: invariant culture, at most two decimals.</summary>
    public static string N(double value) => Math.Round(value, 2).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A table whose rows are built by the caller (to carry a class per row).</summary>
    public static HtmlElement TableRows(IReadOnlyList<string> headers, IEnumerable<HtmlElement> rows) =>
        E("table", E("thead", E("tr", headers.Select(h => (HtmlNode)E("th", h)).ToArray())), E("tbody", rows.Cast<HtmlNode>().ToArray()));

    public static HtmlElement Tr(string? cssClass, params HtmlNode[] cells) =>
        new("tr", cssClass is null ? [] : [("class", cssClass)], cells.Select(c => (HtmlNode)E("td", c)).ToArray());

    public static HtmlElement Table(IReadOnlyList<string> headers, IEnumerable<HtmlNode[]> rows) =>
        E(
            "table",
            E("thead", E("tr", headers.Select(h => (HtmlNode)E("th", h)).ToArray())),
            E("tbody", rows.Select(r => (HtmlNode)E("tr", r.Select(c => (HtmlNode)E("td", c)).ToArray())).ToArray())
        );
}
